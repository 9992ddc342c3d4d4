/** Node's largest timer delay: a longer one (or a non-number) fires after 1 ms instead. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `fn` at `atMs` (epoch milliseconds), however far away: the timer is re-armed in steps of
 * at most ~24.8 days. Lambda Managed Instances' emulator sends deadlines far beyond that.
 * Returns a function that cancels it. `unref` lets the process exit while it waits.
 */
export function atTime(atMs: number, fn: () => void, unref = false): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const left = atMs - Date.now();
    if (left <= 0) return fn();
    timer = setTimeout(arm, Math.min(left, MAX_DELAY_MS));
    if (unref) timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
