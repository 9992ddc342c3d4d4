import { errorTypeHeader, toErrorResponse, type ErrorResponse } from "../error-response.js";
import type { RuntimeApiConnection, RuntimeApiResponse } from "../transport/connection.js";
import { expectAccepted, invocationPath, withInvocationId } from "./runtime-api-error.js";

/**
 * POST /2018-06-01/runtime/invocation/{AwsRequestId}/error
 * Body `{ errorType, errorMessage, stackTrace }`, header `Lambda-Runtime-Function-Error-Type`.
 */
export async function postError(connection: RuntimeApiConnection, requestId: string, error: unknown, invocationId?: string): Promise<RuntimeApiResponse> {
  const path = invocationPath(requestId, "error");
  const response = toErrorResponse(error);
  const headers = withInvocationId(errorHeaders(response), invocationId);
  return expectAccepted(await connection.request("POST", path, headers, JSON.stringify(response)), path);
}

export function errorHeaders(response: ErrorResponse): Record<string, string> {
  return { "Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": errorTypeHeader(response.errorType) };
}
