import { errorTypeHeader, toErrorResponse } from "../error-response.js";
import { logError } from "../logging/runtime-log.js";
import type { StreamingResult } from "../streaming.js";
import type { RuntimeApiConnection, RuntimeApiResponse } from "../transport/connection.js";
import { expectAccepted, invocationPath, withInvocationId } from "./runtime-api-error.js";

const ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
const ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

/**
 * POST /2018-06-01/runtime/invocation/{AwsRequestId}/response, streamed.
 * Per "Implementing response streaming in a custom runtime"
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming):
 * `Lambda-Runtime-Function-Response-Mode: streaming`, chunked encoding, and the two error
 * trailers announced up front in `Trailer`. An error thrown mid-stream ends the body with
 * `Lambda-Runtime-Function-Error-Type` and `Lambda-Runtime-Function-Error-Body` (base64 JSON).
 */
export async function streamResponse(connection: RuntimeApiConnection, requestId: string, result: StreamingResult, invocationId?: string): Promise<RuntimeApiResponse> {
  const path = invocationPath(requestId, "response");
  const headers = withInvocationId(
    {
      "Lambda-Runtime-Function-Response-Mode": "streaming",
      "Content-Type": result.contentType,
      "Transfer-Encoding": "chunked",
      Trailer: `${ERROR_TYPE}, ${ERROR_BODY}`,
    },
    invocationId,
  );
  return expectAccepted(await connection.stream(path, headers, withPrelude(result), errorTrailers), path);
}

async function* withPrelude(result: StreamingResult): AsyncIterable<Uint8Array> {
  if (result.prelude !== undefined && result.prelude.byteLength > 0) yield result.prelude;
  yield* result.body;
}

function errorTrailers(error: unknown): Record<string, string> {
  // The trailers reach the invoker only; the function's own log gets the line the managed runtime writes.
  logError("Invoke Error", error);
  const response = toErrorResponse(error);
  return {
    [ERROR_TYPE]: errorTypeHeader(response.errorType),
    [ERROR_BODY]: Buffer.from(JSON.stringify(response)).toString("base64"),
  };
}
