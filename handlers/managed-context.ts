import type { LambdaContext } from "../runtime/context.js";

/** The context the managed Node.js runtime passes: kata's extra fields may be missing. */
type ManagedContext = Omit<LambdaContext, "deadlineMs" | "signal"> & Partial<Pick<LambdaContext, "deadlineMs" | "signal">>;

const NEVER_ABORTED = new AbortController().signal;

/**
 * Gives a context from AWS's managed runtime the fields kata's loop provides (`deadlineMs`,
 * `signal`, `traceId`), so that a handler reading them works unchanged in both places.
 * The managed context is kept as the prototype, so its own getters and setters (e.g.
 * `callbackWaitsForEmptyEventLoop`) still act on it.
 */
export function completeContext(context: ManagedContext): LambdaContext {
  // kata's own context has both; `in` does not run its lazy `signal` getter.
  if ("signal" in context && typeof context.deadlineMs === "number") return context as LambdaContext;
  const remainingMs = typeof context.getRemainingTimeInMillis === "function" ? context.getRemainingTimeInMillis() : undefined;
  const completed: LambdaContext = Object.create(context);
  const deadlineMs = remainingMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + remainingMs;
  completed.deadlineMs = deadlineMs;
  let signal: AbortSignal | undefined;
  // Made on first read only: most handlers never look. AbortSignal.timeout's timer is unref'd,
  // so it never holds a frozen or exiting process open.
  Object.defineProperty(completed, "signal", {
    enumerable: true,
    get: () => (signal ??= remainingMs === undefined ? NEVER_ABORTED : AbortSignal.timeout(Math.max(0, deadlineMs - Date.now()))),
  });
  completed.traceId = context.traceId ?? process.env["_X_AMZN_TRACE_ID"];
  return completed;
}
