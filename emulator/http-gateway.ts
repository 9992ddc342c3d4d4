import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "./emulator.js";
import { httpApiEvent } from "./http-event.js";
import { httpResponseFromResult } from "./http-result.js";
import { HttpStreamRelay } from "./http-stream-relay.js";
import { readBody } from "./read-body.js";

/** API Gateway's HTTP API payload limit (10 MB). */
const MAX_HTTP_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Serves a plain HTTP request as API Gateway's HTTP API would: the request becomes a payload
 * format 2.0 event, the function's result becomes the HTTP response. A streamed HTTP
 * integration response is relayed as it arrives, as a Function URL in RESPONSE_STREAM mode would.
 */
export async function serveHttpRequest(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { body, overLimit } = await readBody(req, MAX_HTTP_BODY_BYTES);
  if (overLimit) {
    res.writeHead(413, { "content-type": "application/json" }).end('{"message":"Request Entity Too Large"}');
    return;
  }
  const relay = new HttpStreamRelay(res);
  const result = await emulator.invoke(JSON.stringify(httpApiEvent(req, body)), { relayStream: relay.accept });
  if (relay.finish(result)) return;
  const { statusCode, headers, cookies, body: responseBody } = httpResponseFromResult(result);
  res.writeHead(statusCode, {
    ...headers,
    ...(cookies.length > 0 ? { "set-cookie": cookies } : {}),
    "content-length": responseBody.length,
    "apigw-requestid": result.requestId,
  });
  res.end(responseBody);
}
