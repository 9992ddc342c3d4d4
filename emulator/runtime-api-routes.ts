import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExecutionEnvironment } from "./execution-environment.js";
import type { Outcome } from "./invocation.js";
import {
  MAX_RESPONSE_BYTES,
  MAX_STREAMED_RESPONSE_BYTES,
  errorFromPost,
  notFound,
  requestEntityTooLarge,
  responseSizeTooLarge,
  type ApiReply,
} from "./lambda-errors.js";
import { readBody } from "./read-body.js";

export const RUNTIME_API_PREFIX = "/2018-06-01/runtime/";
const INVOCATION_PATH = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

export function sendJson(res: ServerResponse, reply: ApiReply, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

const methodNotAllowed: ApiReply = { status: 405, body: { errorType: "MethodNotAllowed", errorMessage: "Method not allowed for this Runtime API route" } };
const invalidResponseMode: ApiReply = { status: 400, body: { errorType: "InvalidFunctionResponseMode", errorMessage: "Invalid function response mode" } };

/** Serves the Runtime API (`/2018-06-01/runtime/...`) of one execution environment. */
export async function serveRuntimeApi(env: ExecutionEnvironment, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? "").split("?")[0] ?? "";
  if (path === "/2018-06-01/runtime/invocation/next") {
    if (req.method !== "GET") return sendJson(res, methodNotAllowed);
    return env.next(res);
  }
  if (path === "/2018-06-01/runtime/init/error") {
    if (req.method !== "POST") return sendJson(res, methodNotAllowed);
    return sendJson(res, await postInitError(env, req));
  }
  const match = INVOCATION_PATH.exec(path);
  if (match === null) return sendJson(res, notFound);
  if (req.method !== "POST") return sendJson(res, methodNotAllowed);
  const requestId = decodeURIComponent(match[1]!);
  sendJson(res, match[2] === "response" ? await postResponse(env, requestId, req) : await postError(env, requestId, req));
}

// POST /2018-06-01/runtime/invocation/{AwsRequestId}/response
async function postResponse(env: ExecutionEnvironment, requestId: string, req: IncomingMessage): Promise<ApiReply> {
  const mode = header(req, "lambda-runtime-function-response-mode");
  if (mode !== undefined && !/^(streaming|buffered)$/i.test(mode)) return invalidResponseMode;
  const streamed = mode !== undefined && /^streaming$/i.test(mode);
  const limit = streamed ? MAX_STREAMED_RESPONSE_BYTES : MAX_RESPONSE_BYTES;
  const contentType = header(req, "content-type") ?? "application/json";
  const { body, size, overLimit } = await readBody(req, limit, streamed ? env.relay(requestId, contentType) : undefined);
  if (overLimit) {
    const error = responseSizeTooLarge(size, limit);
    const reply = env.complete(requestId, "InvocationResponse", { payload: Buffer.from(JSON.stringify(error)), contentType: "application/json", error, phase: "invoke" });
    return reply.status === 202 ? requestEntityTooLarge(limit) : reply;
  }
  return env.complete(requestId, "InvocationResponse", streamed ? streamedOutcome(req, body, contentType) : { payload: body, contentType });
}

/** A streamed response ends with trailers when the function failed mid-stream. */
function streamedOutcome(req: IncomingMessage, body: Buffer, contentType: string): Outcome {
  const errorType = req.trailers["lambda-runtime-function-error-type"];
  if (errorType === undefined) return { payload: body, contentType, streamed: true };
  const encoded = req.trailers["lambda-runtime-function-error-body"];
  const { payload, error } = errorFromPost(Buffer.from(encoded ?? "", "base64"), errorType);
  return { payload, contentType: "application/json", error, phase: "invoke", streamed: true };
}

// POST /2018-06-01/runtime/invocation/{AwsRequestId}/error
async function postError(env: ExecutionEnvironment, requestId: string, req: IncomingMessage): Promise<ApiReply> {
  const { body } = await readBody(req, MAX_RESPONSE_BYTES);
  const { payload, error } = errorFromPost(body, header(req, "lambda-runtime-function-error-type"));
  return env.complete(requestId, "InvocationErrorResponse", { payload, contentType: "application/json", error, phase: "invoke" });
}

// POST /2018-06-01/runtime/init/error
async function postInitError(env: ExecutionEnvironment, req: IncomingMessage): Promise<ApiReply> {
  const { body } = await readBody(req, MAX_RESPONSE_BYTES);
  const { payload, error } = errorFromPost(body, header(req, "lambda-runtime-function-error-type"));
  return env.initError(payload, error);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
