import { UnsupportedEventError } from "./errors.js";
import type { AlbEvent, HttpApiEvent, HttpResult, RestApiEvent } from "./events.js";
import type { EventProcessor, LambdaRequest, RequestOptions } from "./processor.js";
import { alb } from "./sources/alb.js";
import { httpApi } from "./sources/http-api.js";
import { restApi } from "./sources/rest-api.js";

/** A processor bound to the event it recognised, so that callers need no casts. */
export interface BoundProcessor {
  readonly streams: boolean;
  createRequest(options: RequestOptions): LambdaRequest;
  createResult(response: Response): Promise<HttpResult>;
}

/**
 * Tells the sources apart by shape. The order matters because the shapes overlap: ALB and REST
 * events both have top-level `httpMethod` and `path`, and VPC Lattice v2 events also say
 * `version: "2.0"`.
 */
export function processorFor(event: unknown): BoundProcessor {
  if (isAlbEvent(event)) return bind(alb, event);
  if (isHttpApiEvent(event)) return bind(httpApi, event);
  if (isRestApiEvent(event)) return bind(restApi, event);
  throw new UnsupportedEventError(event);
}

type Shape = { requestContext?: unknown; [key: string]: unknown };

const isObject = (value: unknown): value is Shape => typeof value === "object" && value !== null && !Array.isArray(value);

/** `requestContext.elb` is decisive: only ALB target events have it; API Gateway's context never does. */
function isAlbEvent(event: unknown): event is AlbEvent {
  return isObject(event) && isObject(event.requestContext) && isObject(event.requestContext.elb) && typeof event.httpMethod === "string" && typeof event.path === "string";
}

/**
 * `rawPath` with `requestContext.http` is decisive: payload format 2.0 (HTTP APIs, Function URLs)
 * moved the method there. `version: "2.0"` alone is not: VPC Lattice v2 events carry it too.
 */
function isHttpApiEvent(event: unknown): event is HttpApiEvent {
  return (
    isObject(event) &&
    typeof event.rawPath === "string" &&
    isObject(event.requestContext) &&
    isObject(event.requestContext.http) &&
    typeof event.requestContext.http.method === "string"
  );
}

/**
 * Top-level `httpMethod` and `path` with a `requestContext` (once ALB is ruled out) is decisive:
 * the REST proxy format, which HTTP APIs also send with payload format 1.0.
 */
function isRestApiEvent(event: unknown): event is RestApiEvent {
  return isObject(event) && typeof event.httpMethod === "string" && typeof event.path === "string" && isObject(event.requestContext);
}

function bind<E, R extends HttpResult>(processor: EventProcessor<E, R>, event: E): BoundProcessor {
  return {
    streams: processor.streams(event),
    createRequest: (options) => processor.createRequest(event, options),
    createResult: (response) => processor.createResult(event, response),
  };
}
