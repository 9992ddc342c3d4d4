import { AsyncLocalStorage } from "node:async_hooks";
import type { LambdaContext } from "./context.js";

/**
 * Per-invocation state (request id, trace id, tenant id: all on the context) follows the
 * invocation's async work through AsyncLocalStorage, so that logs and `currentContext()` stay
 * right when invocations run at the same time (Lambda Managed Instances).
 */
// On globalThis so that a bundled kata-runtime and the copy of kata the handler imports share it.
const SCOPE = Symbol.for("kata.invocationScope");
const scope: AsyncLocalStorage<LambdaContext> = ((globalThis as { [SCOPE]?: AsyncLocalStorage<LambdaContext> })[SCOPE] ??= new AsyncLocalStorage());

export function runInScope<T>(context: LambdaContext, fn: () => T): T {
  return scope.run(context, fn);
}

/** The context of the invocation whose code is running, if any. */
export function currentContext(): LambdaContext | undefined {
  return scope.getStore();
}

/**
 * The docs ask runtimes to expose the trace header as `_X_AMZN_TRACE_ID` for the X-Ray SDK. One
 * process-wide variable cannot describe two invocations at once, so with concurrency above 1 it
 * is left alone and the trace id is only on the context (`context.traceId`, `currentContext()`).
 */
export function exposeTraceId(traceId: string | undefined): void {
  if (traceId === undefined) delete process.env._X_AMZN_TRACE_ID;
  else process.env._X_AMZN_TRACE_ID = traceId;
}
