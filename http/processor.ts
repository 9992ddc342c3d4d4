import { requestBody } from "./body.js";
import { HttpEventError } from "./errors.js";
import { appendRequestHeaders, eventHeader, type EventHeaders } from "./headers.js";
import { fallbackOrigins, originOf, schemeOf } from "./host.js";
import { escapePath } from "./url.js";

export interface RequestOptions {
  /** Remove `/{stage}` from the start of the path, so that routes are written without it. */
  stripStage?: boolean | undefined;
}

/** One event source: how its events become a Request, and a Response becomes its result. */
export interface EventProcessor<E, R> {
  /**
   * Whether this event's sender can take a streamed response: only REST APIs and Function URLs
   * invoke with InvokeWithResponseStream. HTTP APIs and ALBs invoke buffered, and would get the
   * prelude and the body as one raw payload.
   */
  streams(event: E): boolean;
  createRequest(event: E, options: RequestOptions): LambdaRequest;
  createResult(event: E, response: Response): Promise<R>;
}

/** The Request for the app, and the path it was built from before the URL parser normalised it. */
export interface LambdaRequest {
  request: Request;
  /** The path as the source routed it (`//a//b`, `/a/../b` and `%2e%2e` intact), without the query. */
  rawPath: string;
}

/** What every source's request is built from, once its own encoding rules are applied. */
export interface RequestParts {
  method: string;
  /** As the source passed it, encoded or not; escaped here. */
  path: string;
  /** Percent-encoded, without the `?`. */
  query: string;
  headers: EventHeaders;
  /** The `Host` header as the Request will carry it: `eventHeader(headers, "host")`. */
  host: string | null;
  /** A Cookie header that replaces the maps' (payload format 2.0 moves cookies to `cookies`). */
  cookie?: string | undefined;
  body: string | null | undefined;
  isBase64Encoded: boolean | undefined;
  domainName: string | undefined;
}

export function buildRequest(source: string, parts: RequestParts): LambdaRequest {
  // Upper-cased because Fetch only normalises the case of a few methods (not PATCH).
  const method = parts.method.toUpperCase();
  const target = escapePath(parts.path) + (parts.query ? `?${parts.query}` : "");
  // Bytes, never a string: a string body would make the Request add a text/plain content type.
  const body = requestBody(method, parts.body, parts.isBase64Encoded) ?? null;
  const request = requestTo(source, method, target, body, parts);
  // Into the Request's own headers: a Headers in the init would be copied once more.
  appendRequestHeaders(request.headers, source, parts.headers);
  if (parts.cookie !== undefined) request.headers.set("cookie", parts.cookie);
  return { request, rawPath: parts.path };
}

function requestTo(source: string, method: string, target: string, body: Uint8Array | null, parts: RequestParts): Request {
  const scheme = schemeOf(eventHeader(parts.headers, "x-forwarded-proto"));
  const origin = originOf(scheme, parts.host, parts.domainName);
  // No init for a GET: the Request's defaults are the same, and an init costs a little per request.
  const init = method === "GET" ? undefined : body === null ? { method } : { method, body };
  try {
    return new Request(origin + target, init);
  } catch (error) {
    // A host that passed the syntax check can still be refused by the URL parser; a bad Host never fails the request.
    for (const fallback of fallbackOrigins(scheme, parts.domainName)) {
      if (fallback === origin) continue;
      try {
        return new Request(fallback + target, init);
      } catch {
        // Not the host then, or not only: the first failure is reported.
      }
    }
    throw new HttpEventError(source, "", `cannot build a Request for ${method} ${origin + target}: ${(error as Error).message}`);
  }
}
