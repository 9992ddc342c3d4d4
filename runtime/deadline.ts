import type { KataContext } from "./context.js";
import { InvocationTimeoutError } from "./errors.js";
import { atTime } from "./long-timeout.js";

/**
 * With concurrency above 1, a handler that never settles would hold its slot forever (Lambda only
 * times out the invocation, it does not kill a multi-concurrent sandbox). So the slot is freed at
 * the deadline: the promise rejects with `Runtime.InvocationTimeout` and the handler's late result,
 * if any, is dropped. With concurrency 1 this is not needed: Lambda stops the sandbox at the timeout.
 */
export function settleByDeadline<T>(work: Promise<T>, context: KataContext): Promise<T> {
  if (!Number.isFinite(context.deadlineMs)) return work;
  let cancel = (): void => {};
  const timeout = new Promise<never>((_, reject) => {
    cancel = atTime(context.deadlineMs, () => {
      reject(
        new InvocationTimeoutError(
          `Request ${context.awsRequestId} did not settle by its deadline (${new Date(context.deadlineMs).toISOString()}); its slot was freed. Make the handler finish within context.getRemainingTimeInMillis(), or cancel its work with context.signal.`,
        ),
      );
    });
  });
  return Promise.race([work, timeout]).finally(() => cancel());
}
