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
  if (isAlbEvent(event)) return new Bound(alb, event);
  if (isHttpApiEvent(event)) return new Bound(httpApi, event);
  if (isRestApiEvent(event)) return new Bound(restApi, event);
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

/** One object, no closures, per request; `streams` asked only when the handler streams. */
class Bound<E, R extends HttpResult> implements BoundProcessor {
  private readonly processor: EventProcessor<E, R>;
  private readonly event: E;

  constructor(processor: EventProcessor<E, R>, event: E) {
    this.processor = processor;
    this.event = event;
  }

  get streams(): boolean {
    return this.processor.streams(this.event);
  }

  createRequest(options: RequestOptions): LambdaRequest {
    return this.processor.createRequest(this.event, options);
  }

  createResult(response: Response): Promise<HttpResult> {
    return this.processor.createResult(this.event, response);
  }
}
