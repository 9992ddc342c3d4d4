import { postResponse } from "./api/post-response.js";
import { RuntimeApiError } from "./api/runtime-api-error.js";
import { InvalidResponseError, ResponseSizeTooLargeError } from "./errors.js";
import { fatalIfContainerError } from "./fatal.js";
import { logError } from "./logging/runtime-log.js";
import { reportError } from "./report-error.js";
import { serializeResult } from "./serialize-result.js";
import { isStreamingResult } from "./streaming.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** Posts a handler's result: buffered JSON, or streamed for a `StreamingResult`. */
export async function respond(connection: RuntimeApiConnection, requestId: string, result: unknown, invocationId: string | undefined): Promise<void> {
  if (isStreamingResult(result)) {
    try {
      const { streamResponse } = await import("./api/stream-response.js"); // loaded by the first streamed response only
      await streamResponse(connection, requestId, result, invocationId);
    } catch (failure) {
      // "/error ... can only be called before the runtime begins sending an invocation response",
      // so a refused stream can only be logged.
      logError(`kata: the streamed response of request ${requestId} failed`, fatalIfContainerError(failure, `the response of request ${requestId}`));
    }
    return;
  }
  let json: string;
  try {
    json = serializeResult(result, requestId);
  } catch (error) {
    return reportError(connection, requestId, error, invocationId);
  }
  try {
    await postResponse(connection, requestId, json, invocationId);
  } catch (failure) {
    return onRefusedResponse(connection, requestId, json, fatalIfContainerError(failure, `the response of request ${requestId}`), invocationId);
  }
}

/**
 * A 413 is only logged, as aws-lambda-ric does: the Runtime API has already failed the invocation
 * with `Function.ResponseSizeTooLarge`, and answers a later `/error` with 403. A 400 leaves the
 * invocation unanswered, so an error is posted in its place; 403 and 410 (the invocation is not
 * ours any more, e.g. a late response) can only be logged.
 */
function onRefusedResponse(connection: RuntimeApiConnection, requestId: string, json: string, failure: unknown, invocationId: string | undefined): Promise<void> | void {
  const status = failure instanceof RuntimeApiError ? failure.status : 0;
  if (status === 413) {
    const size = Buffer.byteLength(json);
    const error = new ResponseSizeTooLargeError(`The response of request ${requestId} (${size} bytes) is larger than the Runtime API accepts (${(failure as Error).message}). Return less data (6 MB for synchronous invocations), or stream it.`, { cause: failure });
    return logError("Invoke Error", error);
  }
  if (status === 400) {
    return reportError(connection, requestId, new InvalidResponseError(`The Runtime API refused the response of request ${requestId} as malformed: ${(failure as Error).message}`, { cause: failure }), invocationId);
  }
  logError(`kata: the response of request ${requestId} was not accepted${status === 410 ? " (410 Gone: it came too late)" : ""}`, failure);
}
