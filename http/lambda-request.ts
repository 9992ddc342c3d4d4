import type { LambdaContext } from "../runtime/context.js";
import { NotALambdaRequestError } from "./errors.js";
import type { HttpEvent } from "./events.js";

/** The second argument given to the app (Hono: `c.env`). */
export interface LambdaEnv<E extends HttpEvent = HttpEvent> {
  event: E;
  context: LambdaContext;
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
export function getLambdaContext(request: Request): LambdaContext {
  return envOf(request).context;
}

function envOf(request: Request): LambdaEnv {
  const env = invocations.get(request);
  if (env === undefined) throw new NotALambdaRequestError(request);
  return env;
}
