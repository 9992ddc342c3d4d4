import { setTimeout as sleep } from "node:timers/promises";

// The multi-concurrency comparison: each invocation waits 5 ms, as a call to a database would,
// so that invocations overlap and the loop's concurrency, not the CPU, sets the pace.
export const handler = async () => {
  await sleep(5);
  return { ok: true };
};
