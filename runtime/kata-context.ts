import type { KataContext, LambdaContext } from "./context.js";

const NEVER_ABORTED = new AbortController().signal;

/**
 * The context with kata's fields (`deadlineMs`, `signal`, `traceId`) present. kata's loop sets
 * them, and its context is returned as is; a context from AWS's managed runtime, or a plain
 * `@types/aws-lambda` `Context` in a unit test, gets them derived from `getRemainingTimeInMillis()`
 * and `_X_AMZN_TRACE_ID`. The given context stays the prototype, so its own getters and setters
 * (e.g. `callbackWaitsForEmptyEventLoop`) still act on it.
 */
export function kataContext(context: LambdaContext): KataContext {
  return isKataContext(context) ? context : completeContext(context, invocationTraceId(context));
}

/** kata's own context has both; `in` does not run its lazy `signal` getter. */
export function isKataContext(context: LambdaContext): context is KataContext {
  return "signal" in context && typeof context.deadlineMs === "number";
}

/**
 * The trace id of the invocation that `context` belongs to. Read it when the invocation begins,
 * to complete the context later: the managed runtime sets `_X_AMZN_TRACE_ID` for each invocation.
 */
export const invocationTraceId = (context: LambdaContext): string | undefined => context.traceId ?? process.env["_X_AMZN_TRACE_ID"];

/** `kataContext` for a context that lacks kata's fields, with the trace id read when its invocation began. */
export function completeContext(context: LambdaContext, traceId: string | undefined): KataContext {
  const remainingMs = typeof context.getRemainingTimeInMillis === "function" ? context.getRemainingTimeInMillis() : undefined;
  const completed: KataContext = Object.create(context);
  const deadlineMs = remainingMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + remainingMs;
  completed.deadlineMs = deadlineMs;
  let signal: AbortSignal | undefined;
  // Made on first read only: most handlers never look. AbortSignal.timeout's timer is unref'd,
  // so it never holds a frozen or exiting process open.
  Object.defineProperty(completed, "signal", {
    enumerable: true,
    get: () => (signal ??= remainingMs === undefined ? NEVER_ABORTED : AbortSignal.timeout(Math.max(0, deadlineMs - Date.now()))),
  });
  completed.traceId = traceId;
  return completed;
}
