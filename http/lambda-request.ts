import type { KataContext, LambdaContext } from "../runtime/context.js";
import { completeContext, invocationTraceId, isKataContext } from "../runtime/kata-context.js";
import { NotALambdaRequestError } from "./errors.js";
import type { HttpEvent } from "./events.js";

/** The second argument given to the app (Hono: `c.env`). */
export interface LambdaEnv<E extends HttpEvent = HttpEvent> {
  event: E;
  context: KataContext;
  /**
   * The request path exactly as API Gateway or the ALB routed it, without the query. The Fetch
   * URL resolves `.` and `..` segments (also as `%2e`), so `new URL(request.url).pathname` can
   * differ; this cannot. `//a//b` keeps its slashes in both.
   */
  rawPath: string;
}

/**
 * The env of one invocation. A context from the managed runtime (or a test) is completed
 * (`kataContext`) on first read: most apps never read it, and completing it costs more than the
 * rest of the env. What it depends on that can change, the trace id, is read now.
 */
export class InvocationEnv implements LambdaEnv {
  event: HttpEvent;
  rawPath: string;
  #context: KataContext | undefined;
  #given: LambdaContext;
  #traceId: string | undefined;

  constructor(event: HttpEvent, context: LambdaContext, rawPath: string) {
    this.event = event;
    this.rawPath = rawPath;
    this.#given = context;
    if (isKataContext(context)) this.#context = context;
    else this.#traceId = invocationTraceId(context);
  }

  get context(): KataContext {
    return (this.#context ??= completeContext(this.#given, this.#traceId));
  }

  set context(context: KataContext) {
    this.#context = context;
  }
}

// On the Request itself, so that concurrent invocations never see each other's event; a symbol
// property costs less per request than a WeakMap entry, and a copy of the Request has none.
const ENV = Symbol("kata.http.env");

export function remember(request: Request, env: LambdaEnv): void {
  (request as Request & { [ENV]?: LambdaEnv })[ENV] = env;
}

/** The Lambda event that `request` was built from. */
export function getLambdaEvent<E extends HttpEvent = HttpEvent>(request: Request): E {
  return envOf(request).event as E;
}

/** The Lambda context of the invocation that `request` belongs to. */
export function getLambdaContext(request: Request): KataContext {
  return envOf(request).context;
}

/** The path as the source routed it, before the Fetch URL normalised it (see `LambdaEnv.rawPath`). */
export function getRawPath(request: Request): string {
  return envOf(request).rawPath;
}

function envOf(request: Request): LambdaEnv {
  const env = (request as Request & { [ENV]?: LambdaEnv } | null | undefined)?.[ENV];
  if (env === undefined) throw new NotALambdaRequestError(request);
  return env;
}
