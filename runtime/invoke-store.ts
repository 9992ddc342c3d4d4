import type { KataContext } from "./context.js";
import { currentContext } from "./invocation-scope.js";

// What the managed Node.js runtime exposes as `globalThis.awslambda.InvokeStore` (the
// `@aws/lambda-invoke-store` package): the running invocation's request id, trace id and tenant id
// under these protected keys, and a per-invocation map that libraries write to. With
// AWS_LAMBDA_MAX_CONCURRENCY set, Powertools (Logger's request id, log level and buffer) reads
// and writes only there, and throws "InvokeStore is not available" when it is missing; the AWS
// SDK and Powertools read the X-Ray trace id there before `_X_AMZN_TRACE_ID`.
const REQUEST_ID = Symbol.for("_AWS_LAMBDA_REQUEST_ID");
const X_RAY_TRACE_ID = Symbol.for("_AWS_LAMBDA_X_RAY_TRACE_ID");
const TENANT_ID = Symbol.for("_AWS_LAMBDA_TENANT_ID");
const TRACEPARENT = Symbol.for("_AWS_LAMBDA_TRACEPARENT");
const TRACESTATE = Symbol.for("_AWS_LAMBDA_TRACESTATE");
const BAGGAGE = Symbol.for("_AWS_LAMBDA_BAGGAGE");
const PROTECTED_KEYS = { REQUEST_ID, X_RAY_TRACE_ID, TENANT_ID, TRACEPARENT, TRACESTATE, BAGGAGE };
const PROTECTED = new Set<PropertyKey>(Object.values(PROTECTED_KEYS));

type AwsLambdaGlobal = { awslambda?: { InvokeStore?: unknown } };

/**
 * Puts kata's invocation scope behind `globalThis.awslambda.InvokeStore`, unless a store is there
 * already. Called before user code loads when AWS_LAMBDA_MAX_CONCURRENCY is set, or the loop runs
 * more than one invocation at once; otherwise nothing reads it.
 */
export function provideInvokeStore(): void {
  const global = globalThis as AwsLambdaGlobal;
  // AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA: the user asked for no `awslambda` global.
  if (["true", "1"].includes(process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? "")) return;
  const awslambda = (global.awslambda ??= {});
  awslambda.InvokeStore ??= new KataInvokeStore();
}

class KataInvokeStore {
  static readonly PROTECTED_KEYS = PROTECTED_KEYS;
  readonly #values = new WeakMap<KataContext, Map<PropertyKey, unknown>>();

  isProtectedKey(key: PropertyKey): boolean {
    return PROTECTED.has(key);
  }
  hasContext(): boolean {
    return currentContext() !== undefined;
  }
  getContext(): Record<PropertyKey, unknown> | undefined {
    const context = currentContext();
    if (context === undefined) return undefined;
    const snapshot: Record<PropertyKey, unknown> = { [REQUEST_ID]: context.awsRequestId, [X_RAY_TRACE_ID]: context.traceId, [TENANT_ID]: context.tenantId };
    for (const [key, value] of this.#values.get(context) ?? []) snapshot[key as string] = value;
    return snapshot;
  }
  get(key: PropertyKey): unknown {
    const context = currentContext();
    if (context === undefined) return undefined;
    if (key === REQUEST_ID) return context.awsRequestId;
    if (key === X_RAY_TRACE_ID) return context.traceId;
    if (key === TENANT_ID) return context.tenantId;
    return this.#values.get(context)?.get(key);
  }
  set(key: PropertyKey, value: unknown): void {
    if (PROTECTED.has(key)) throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
    const context = currentContext();
    if (context === undefined) throw new Error("No context available");
    let values = this.#values.get(context);
    if (values === undefined) this.#values.set(context, (values = new Map()));
    values.set(key, value);
  }
  /** The managed runtime's entry point for an invocation; under kata's loop each invocation is already scoped. */
  run<T>(_context: unknown, fn: () => T): T {
    return fn();
  }
  getRequestId(): string {
    return currentContext()?.awsRequestId ?? "-";
  }
  getXRayTraceId(): string | undefined {
    return currentContext()?.traceId;
  }
  getTenantId(): string | undefined {
    return currentContext()?.tenantId;
  }
  getTraceparent(): undefined {
    return undefined;
  }
  getTracestate(): undefined {
    return undefined;
  }
  getBaggage(): undefined {
    return undefined;
  }
}
