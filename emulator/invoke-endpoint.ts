import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExecutionEnvironment } from "./execution-environment.js";
import { clientContextOf, invocationTypeOf, isRefusal } from "./invoke-headers.js";
import { MAX_EVENT_BYTES } from "./lambda-errors.js";
import { readBody } from "./read-body.js";
import { sendJson } from "./runtime-api-routes.js";

/** The Lambda Invoke API path, as AWS's runtime interface emulator serves it (function name `function`). */
export const INVOKE_PATH = /^\/2015-03-31\/functions\/[^/]+\/invocations$/;

/**
 * POST /2015-03-31/functions/{name}/invocations: the body is the event; the answer is the
 * function's response, or its error document with `X-Amz-Function-Error: Unhandled`.
 * `X-Amz-Invocation-Type: Event` answers 202 at once, `DryRun` answers 204; another type, or an
 * `X-Amz-Client-Context` that is not base64 of a JSON object, is refused with 400 as Lambda does.
 */
export async function serveInvoke(env: ExecutionEnvironment, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") {
    return sendJson(res, { status: 405, body: { Type: "User", message: "Use POST to invoke the function" } });
  }
  const { body, overLimit, size } = await readBody(req, MAX_EVENT_BYTES);
  if (overLimit) {
    const message = `Request must be smaller than ${MAX_EVENT_BYTES} bytes for the InvokeFunction operation (got ${size})`;
    return sendJson(res, { status: 413, body: { Type: "User", message } }, { "x-amzn-ErrorType": "RequestTooLargeException" });
  }
  const invocationType = invocationTypeOf(req);
  const clientContext = clientContextOf(req);
  for (const checked of [invocationType, clientContext]) {
    if (isRefusal(checked)) return sendJson(res, checked.reply, { "x-amzn-ErrorType": checked.errorType });
  }
  if (invocationType === "DryRun") {
    res.writeHead(204).end();
    return;
  }
  // An empty body is taken as the empty object, as `curl -X POST` without data means "no event".
  const pending = env.invoke(body.length === 0 ? Buffer.from("{}") : body, { clientContext: clientContext as string | undefined });
  if (invocationType === "Event") {
    res.writeHead(202).end();
    return;
  }
  const result = await pending;
  const headers: Record<string, string | number> = {
    "Content-Type": result.contentType,
    "Content-Length": result.payload.length,
    "X-Amz-Executed-Version": env.settings.functionVersion,
    "x-amzn-RequestId": result.requestId,
  };
  if (result.error !== undefined) headers["X-Amz-Function-Error"] = "Unhandled";
  res.writeHead(200, headers).end(result.payload);
}
