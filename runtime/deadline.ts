import type { LambdaContext } from "./context.js";
import { InvocationTimeoutError } from "./errors.js";

/**
 * With concurrency above 1, a handler that never settles would hold its slot forever (Lambda only
 * times out the invocation, it does not kill a multi-concurrent sandbox). So the slot is freed at
 * the deadline: the promise rejects with `Runtime.InvocationTimeout` and the handler's late result,
 * if any, is dropped. With concurrency 1 this is not needed: Lambda stops the sandbox at the timeout.
 */
/** The longest delay `setTimeout` keeps (2³¹−1 ms, about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function settleByDeadline<T>(work: Promise<T>, context: LambdaContext): Promise<T> {
  if (!Number.isFinite(context.deadlineMs)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new InvocationTimeoutError(
          `Request ${context.awsRequestId} did not settle by its deadline (${new Date(context.deadlineMs).toISOString()}); its slot was freed. Make the handler finish within context.getRemainingTimeInMillis(), or cancel its work with context.signal.`,
        ),
      );
      // RIE's concurrency mode sends deadlines ~10⁹ s away, which would overflow into an immediate timeout.
    }, Math.min(context.deadlineMs - Date.now(), MAX_TIMER_MS));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
