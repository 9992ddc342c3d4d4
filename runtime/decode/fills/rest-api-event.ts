import { isMap, type JsonMap } from "./map.js";
import { fillMultiValueHeaders } from "./multi-value-headers.js";
import { restPathWithStage } from "./stage-path.js";

/**
 * API Gateway REST (v1) events as AWS's console, SAM local, `sam local generate-event` and older
 * tools send them: the header and query maps derived from each other, `requestContext.path` (the
 * path the client sent) derived from `path`, the context's `httpMethod` and `resourcePath` from the
 * event's `httpMethod` and `resource`, and `null` for an optional context string removed.
 * Constant defaults (`isBase64Encoded: false`, `body: null`, ...) are the schema's `default`s.
 */
export function fillRestApiEvent(event: unknown): void {
  if (!isMap(event)) return;
  fillMultiValueHeaders(event);
  const context = event.requestContext;
  if (!isMap(context)) return;
  // Optional strings that SAM local sends as null. Named reads: this runs on every event.
  if (context.extendedRequestId === null) delete context.extendedRequestId;
  if (context.deploymentId === null) delete context.deploymentId;
  if (context.domainName === null) delete context.domainName;
  if (context.domainPrefix === null) delete context.domainPrefix;
  if (context.requestTime === null) delete context.requestTime;
  if (context.path === undefined && typeof event.path === "string") context.path = clientPath(event, context);
  // The same request line, as the context repeats it.
  if (context.httpMethod === undefined && typeof event.httpMethod === "string") context.httpMethod = event.httpMethod;
  if (context.resourcePath === undefined && typeof event.resource === "string") context.resourcePath = event.resource;
}

function clientPath(event: JsonMap, context: JsonMap): string {
  const path = event.path as string;
  // HTTP API payload 1.0 (`version: "1.0"`) keeps the stage in `path` already.
  if (event.version !== undefined) return path;
  const stage = typeof context.stage === "string" ? context.stage : undefined;
  return restPathWithStage(path, stage, hostOf(event, context));
}

function hostOf(event: JsonMap, context: JsonMap): string {
  if (typeof context.domainName === "string") return context.domainName;
  const headers = event.headers;
  if (!isMap(headers)) return "";
  const host = headers.Host ?? headers.host;
  return typeof host === "string" ? host : "";
}
