import type { KataContext } from "../runtime/context.js";
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

// Keyed by the Request itself, so that concurrent invocations never see each other's event.
const invocations = new WeakMap<Request, LambdaEnv>();

export function remember(request: Request, env: LambdaEnv): void {
  invocations.set(request, env);
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
  const env = invocations.get(request);
  if (env === undefined) throw new NotALambdaRequestError(request);
  return env;
}
