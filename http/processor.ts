import { requestBody } from "./body.js";
import { HttpEventError } from "./errors.js";
import { escapePath, originOf } from "./url.js";

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
  createRequest(event: E, options: RequestOptions): Request;
  createResult(event: E, response: Response): Promise<R>;
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

export function buildRequest(source: string, parts: RequestParts): Request {
  // Upper-cased because Fetch only normalises the case of a few methods (not PATCH).
  const method = parts.method.toUpperCase();
  const url = originOf(parts.headers, parts.domainName) + escapePath(parts.path) + (parts.query ? `?${parts.query}` : "");
  const body = requestBody(method, parts.body, parts.isBase64Encoded);
  try {
    return new Request(url, { method, headers: parts.headers, body: body ?? null });
  } catch (error) {
    throw new HttpEventError(source, "", `cannot build a Request for ${method} ${url}: ${(error as Error).message}`);
  }
}
