import { isMap } from "./map.js";

/**
 * HTTP API (payload 2.0) and Function URL events: `null` for an optional field means it is
 * absent, as AWS sends it for a request without a body, cookies or query string (SAM local and
 * Function URL samples send null); `requestContext.http.path` is `rawPath`. Constant defaults (`routeKey: "$default"`,
 * `isBase64Encoded: false`, ...) are the schema's `default`s.
 */
export function fillHttpApiEvent(event: unknown): void {
  if (!isMap(event)) return;
  // Named reads: this runs on every event, and keyed reads by a variable name are slow in V8.
  if (event.body === null) delete event.body;
  if (event.cookies === null) delete event.cookies;
  if (event.queryStringParameters === null) delete event.queryStringParameters;
  // The request path, as the context repeats it.
  const context = event.requestContext;
  if (isMap(context) && isMap(context.http) && context.http.path === undefined && typeof event.rawPath === "string") context.http.path = event.rawPath;
}
