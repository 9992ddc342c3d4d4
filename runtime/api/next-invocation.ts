import type { RuntimeApiConnection } from "../transport/connection.js";
import { RuntimeApiError } from "./runtime-api-error.js";

const NEXT = "/2018-06-01/runtime/invocation/next";

/** One invocation as `/next` hands it out: the raw event bytes and the lower-cased headers. */
export interface Invocation {
  requestId: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * GET /2018-06-01/runtime/invocation/next
 * Long-polls without a client timeout: the docs warn that the answer may take long because the
 * sandbox can be frozen between invocations.
 */
export async function nextInvocation(connection: RuntimeApiConnection): Promise<Invocation> {
  const response = await connection.request("GET", NEXT);
  if (response.status !== 200) throw new RuntimeApiError("GET", NEXT, response);
  const requestId = response.headers["lambda-runtime-aws-request-id"];
  if (!requestId) throw new RuntimeApiError("GET", NEXT, response, "without a Lambda-Runtime-Aws-Request-Id header");
  return { requestId, headers: response.headers, body: response.body };
}
