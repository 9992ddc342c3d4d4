import type { RuntimeApiResponse } from "../transport/connection.js";

/** The Runtime API answered with a status other than the one the call expects. */
export class RuntimeApiError extends Error {
  override readonly name = "RuntimeApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, response: RuntimeApiResponse, problem?: string) {
    const text = Buffer.from(response.body).toString("utf8").slice(0, 500);
    super(`Runtime API answered ${response.status} to ${method} ${path}${problem ? ` ${problem}` : ""}${text ? `: ${text}` : ""}`);
    this.status = response.status;
    this.method = method;
    this.path = path;
  }
}

/** Posts are answered 202 Accepted; every other status is an error the caller decides about. */
export function expectAccepted(response: RuntimeApiResponse, path: string): RuntimeApiResponse {
  if (response.status < 200 || response.status > 299) throw new RuntimeApiError("POST", path, response);
  return response;
}

/** `/2018-06-01/runtime/invocation/{AwsRequestId}/<what>`. */
export function invocationPath(requestId: string, what: "response" | "error"): string {
  return `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/${what}`;
}

/**
 * Echoing the invocation id (`Lambda-Runtime-Invocation-Id` from `/next`) lets the Runtime API
 * reject a stale post for an invocation that was already timed out and handed out again.
 */
export function withInvocationId(headers: Record<string, string>, invocationId: string | undefined): Record<string, string> {
  if (invocationId !== undefined) headers["Lambda-Runtime-Invocation-Id"] = invocationId;
  return headers;
}
