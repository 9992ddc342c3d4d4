import type { RuntimeApiConnection, RuntimeApiResponse } from "../transport/connection.js";
import { expectAccepted, invocationPath, withInvocationId } from "./runtime-api-error.js";

/**
 * POST /2018-06-01/runtime/invocation/{AwsRequestId}/response
 * `json` is the already serialized result. Throws `RuntimeApiError` unless accepted.
 */
export async function postResponse(connection: RuntimeApiConnection, requestId: string, json: string, invocationId?: string): Promise<RuntimeApiResponse> {
  const path = invocationPath(requestId, "response");
  const headers = withInvocationId({ "Content-Type": "application/json" }, invocationId);
  return expectAccepted(await connection.request("POST", path, headers, json), path);
}
