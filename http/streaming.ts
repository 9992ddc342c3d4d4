import { KATA_STREAMING, type StreamingResult } from "../runtime/streaming.js";
import { bytesOf } from "./chunks.js";
import { responseHeaders } from "./headers.js";

/** The content type that tells Function URLs and API Gateway a prelude comes before the body. */
export const HTTP_INTEGRATION_CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";

/** The delimiter after the JSON prelude: 8 NUL bytes (JSON text never contains a raw NUL). */
const DELIMITER = new Uint8Array(8);

/**
 * A Response as a streamed HTTP integration response: the JSON prelude with the status,
 * headers and cookies, the delimiter, then the body bytes as the app produces them.
 */
export function streamingHttpResult(response: Response): StreamingResult {
  const json = new TextEncoder().encode(JSON.stringify(httpPrelude(response)));
  const prelude = new Uint8Array(json.length + DELIMITER.length);
  prelude.set(json, 0);
  prelude.set(DELIMITER, json.length);
  return { [KATA_STREAMING]: true, contentType: HTTP_INTEGRATION_CONTENT_TYPE, prelude, body: bytesOf(response.body) };
}

/** The prelude of a streamed HTTP response: what Function URLs and API Gateway send as the status line and headers. */
export function httpPrelude(response: Response): { statusCode: number; headers: Record<string, string>; cookies: string[] } {
  const { headers, cookies } = responseHeaders(response);
  return { statusCode: response.status, headers, cookies };
}
