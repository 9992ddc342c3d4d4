/**
 * Keeps the process alive while a handler runs. Between Runtime API calls the loop's socket is
 * unref'd, so a handler whose promise never settles, with nothing else pending, would let Node
 * exit (code 13) instead of running into its timeout as on Lambda. One interval, ref'd only while
 * some invocation is in flight, costs no timer per invocation.
 */
let holder: NodeJS.Timeout | undefined;
let running = 0;

export function holdProcess(): () => void {
  holder ??= setInterval(() => {}, 2 ** 31 - 1);
  if (running++ === 0) holder.ref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--running === 0) holder?.unref();
  };
}
