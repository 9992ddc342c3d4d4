import type { AsyncLocalStorage } from "node:async_hooks";
import type { KataContext } from "./context.js";

/**
 * Which invocation's code is running, for log lines and `currentContext()`.
 * With concurrency 1 it is a plain slot, set for the duration of the invocation, as in the
 * managed runtime's single-invocation mode: on Node 20 and 22 an AsyncLocalStorage makes every
 * promise and socket operation pay for context propagation, a large share of the loop's CPU.
 * With concurrency above 1 it is an AsyncLocalStorage, so that invocations running at the same
 * time never see each other's request id, trace id or tenant id.
 * The holder is on globalThis so that a bundled kata-runtime and the copy of kata the handler
 * imports agree.
 */
interface ScopeHolder {
  current: KataContext | undefined;
  storage: AsyncLocalStorage<KataContext> | undefined;
}

const HOLDER = Symbol.for("kata.invocationScope");
const holder: ScopeHolder = ((globalThis as { [HOLDER]?: ScopeHolder })[HOLDER] ??= { current: undefined, storage: undefined });

/** Called once by `start()`: concurrent invocations need the AsyncLocalStorage (loaded only then, off the single-invocation cold start). */
export async function useConcurrentScope(): Promise<void> {
  if (holder.storage) return;
  const { AsyncLocalStorage } = process.getBuiltinModule("node:async_hooks");
  holder.storage ??= new AsyncLocalStorage();
}

export async function runInScope(context: KataContext, fn: () => Promise<void>): Promise<void> {
  if (holder.storage) return holder.storage.run(context, fn);
  holder.current = context;
  try {
    await fn();
  } finally {
    if (holder.current === context) holder.current = undefined;
  }
}

/** The context of the invocation whose code is running, if any. */
export function currentContext(): KataContext | undefined {
  return holder.storage ? holder.storage.getStore() : holder.current;
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
