/*
 * Imported first by kata-runtime, before any built-in module is loaded. On Node 22 and older (V8
 * before 13), V8 checks Node's built-in code cache against a hash of the V8 flags, heap sizes
 * included: `--max-old-space-size`, which kata's provided.* bootstrap passes as AWS's managed
 * runtime does, makes Node compile every built-in it loads from source (7–9 ms before the
 * first `/next` here, and more for a function that loads `http`, `crypto` or `zlib`). V8 reads the
 * heap sizes once, when it creates the heap, so setting them back to their defaults now keeps the
 * heap limit the flags gave (`v8.getHeapStatistics().heap_size_limit`, the out-of-memory point)
 * and makes the hash match the cache again. Only when the command line holds nothing but heap
 * sizes: any other V8 flag changes the hash anyway. Worker threads started later size their heap
 * as Node does without the flags.
 */
const HEAP_SIZE_FLAG = /^--(max-old-space-size|max-semi-space-size|min-semi-space-size|max-heap-size)=\d+$/;

const execArgv = process.execArgv;
if (execArgv.length > 0 && execArgv.every((arg) => HEAP_SIZE_FLAG.test(arg)) && Number(process.versions.v8.split(".")[0]) < 13) {
  const setFlags = v8FlagSetter();
  for (const arg of execArgv) setFlags(arg.replace(/=\d+$/, "=0"));
}

/**
 * `node:v8` loads the streams before the flags are reset, so they would be compiled from source
 * (about 4 ms). Its binding has the same setter and loads nothing: `process.binding` is deprecated
 * (DEP0111) but stays on the Node lines that need this (20 and 22, V8 before 13); its one-time
 * warning is silenced for this call only.
 */
function v8FlagSetter(): (flags: string) => void {
  const silenced = process.noDeprecation;
  try {
    process.noDeprecation = true;
    const binding = (process as unknown as { binding(name: string): { setFlagsFromString?: unknown } }).binding("v8");
    if (typeof binding.setFlagsFromString === "function") return binding.setFlagsFromString as (flags: string) => void;
  } catch {
    // no such binding on this Node: the public module below
  } finally {
    process.noDeprecation = silenced;
  }
  return process.getBuiltinModule("node:v8").setFlagsFromString;
}
