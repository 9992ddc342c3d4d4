import { requestBody } from "./body.js";
import { HttpEventError } from "./errors.js";
import { fallbackOrigins, originOf } from "./host.js";
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
  headers: Headers;
  body: string | null | undefined;
  isBase64Encoded: boolean | undefined;
  domainName: string | undefined;
}

export function buildRequest(source: string, parts: RequestParts): LambdaRequest {
  // Upper-cased because Fetch only normalises the case of a few methods (not PATCH).
  const method = parts.method.toUpperCase();
  const target = escapePath(parts.path) + (parts.query ? `?${parts.query}` : "");
  const body = requestBody(method, parts.body, parts.isBase64Encoded) ?? null;
  const init = { method, headers: parts.headers, body };
  const origin = originOf(parts.headers, parts.domainName);
  try {
    return { request: new Request(origin + target, init), rawPath: parts.path };
  } catch (error) {
    // A host that passed the syntax check can still be refused by the URL parser; a bad Host never fails the request.
    for (const fallback of fallbackOrigins(parts.headers, parts.domainName)) {
      if (fallback === origin) continue;
      try {
        return { request: new Request(fallback + target, init), rawPath: parts.path };
      } catch {
        // Not the host then, or not only: the first failure is reported.
      }
    }
    throw new HttpEventError(source, "", `cannot build a Request for ${method} ${origin + target}: ${(error as Error).message}`);
  }
}
