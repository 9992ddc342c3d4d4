/** Named errors of `kata/http`. Each message says what was wrong, where, and what to do. */

/** The event is not one of the HTTP shapes `http()` understands. */
export class UnsupportedEventError extends Error {
  override readonly name = "UnsupportedEventError";

  constructor(received: unknown) {
    super(
      "kata/http: not an HTTP event. Expected API Gateway REST (httpMethod, path, requestContext), " +
        'HTTP API or Function URL (version "2.0", rawPath, requestContext.http) or ALB (requestContext.elb); ' +
        `received ${describe(received)}. Route other event sources to their own handler, not to http().`,
    );
  }
}

/** A recognised event carries a value that a Fetch `Request` cannot hold. `pointer` is a JSON Pointer into the event. */
export class HttpEventError extends Error {
  override readonly name = "HttpEventError";
  readonly pointer: string;

  constructor(source: string, pointer: string, problem: string) {
    super(`kata/http: ${source} event at ${pointer}: ${problem}`);
    this.pointer = pointer;
  }
}

/** The request cannot be given to the app as it is (a body that is not valid base64): answered with 400, the app is not called. */
export class InvalidBodyError extends Error {
  override readonly name = "InvalidBodyError";
}

/** The app's answer cannot be expressed as this event source's result. */
export class HttpResultError extends Error {
  override readonly name = "HttpResultError";
}

/** `getLambdaEvent` / `getLambdaContext` got a Request that `http()` did not build (a clone, or a test's own). */
export class NotALambdaRequestError extends Error {
  override readonly name = "NotALambdaRequestError";

  constructor(request: Request) {
    super(
      `kata/http: the Request for ${request.method} ${request.url} was not built by http(), so it has no Lambda event. ` +
        "Pass the Request that the app received (Hono: c.req.raw), not a copy, or read the second argument of the app.",
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value !== "object") return `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  const shown = keys.slice(0, 8).join(", ");
  return `an object with keys ${shown}${keys.length > 8 ? `, … (${keys.length} in all)` : ""}`;
}

/** `http(app, { stream: true })` or `stream()` loaded on a managed runtime that has no `awslambda.streamifyResponse`. */
export class StreamingNotSupportedError extends Error {
  override readonly name = "StreamingNotSupportedError";

  constructor(what: string) {
    super(
      `kata/http: ${what} needs response streaming, but this function runs on a managed Node.js runtime whose awslambda global ` +
        "has no streamifyResponse and HttpResponseStream (nodejs18.x and later have them). Run it on a newer runtime or on " +
        "kata's loop (kata-runtime), or answer buffered.",
    );
  }
}
