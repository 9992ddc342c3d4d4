/** The standard Lambda error document (`application/vnd.aws.lambda.error+json`). */
export interface LambdaErrorBody {
  errorType: string;
  errorMessage: string;
  stackTrace?: string[];
  [key: string]: unknown;
}

/** A reply of the Runtime API itself: the status code and its JSON body. */
export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Largest buffered response a runtime may post: 6 MiB + 100 bytes, the limit that Lambda's
 * runtime interface emulator enforces (`interop.MaxPayloadSize`).
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

/** Streamed responses (`Lambda-Runtime-Function-Response-Mode: streaming`) may reach 20 MiB. */
export const MAX_STREAMED_RESPONSE_BYTES = 20 * 1024 * 1024;

/** Largest event that a synchronous Invoke accepts (6 MB request payload quota). */
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;

export const accepted: ApiReply = { status: 202, body: { status: "OK" } };

/** 400: the request id is not the invocation in flight. */
export const invalidRequestId: ApiReply = {
  status: 400,
  body: { errorType: "InvalidRequestID", errorMessage: "Invalid request ID" },
};

/** 403: the call is not allowed in the runtime's current state (e.g. a second response). */
export function invalidStateTransition(from: string, to: string): ApiReply {
  return {
    status: 403,
    body: {
      errorType: "InvalidStateTransition",
      errorMessage: `State transition from ${from} to ${to} failed for runtime. Error: State transition is not allowed`,
    },
  };
}

/** 413: the response body is over the limit; the invocation fails with Function.ResponseSizeTooLarge. */
export function requestEntityTooLarge(limit: number): ApiReply {
  return {
    status: 413,
    body: { errorType: "RequestEntityTooLarge", errorMessage: `Exceeded maximum allowed payload size (${limit} bytes).` },
  };
}

export const notFound: ApiReply = { status: 404, body: { errorType: "NotFound", errorMessage: "No such Runtime API route" } };

/** What the invoker receives when the response was too large. */
export function responseSizeTooLarge(size: number, limit: number): LambdaErrorBody {
  return {
    errorType: "Function.ResponseSizeTooLarge",
    errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${limit} bytes).`,
  };
}

/** What the invoker receives when the function ran past its deadline. */
export function taskTimedOut(requestId: string, timeoutSeconds: number): LambdaErrorBody {
  return { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds` };
}

/** What the invoker receives when the runtime process died before answering. */
export function runtimeExited(requestId: string, exit: ProcessExit): LambdaErrorBody {
  const how = exit.signal !== null ? `signal: ${exit.signal}` : `exit status ${exit.code ?? 0}`;
  return { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${how}` };
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The invoker's view of a posted `/error` or `/init/error` body. Lambda passes a JSON error
 * document through as is; anything else becomes the default it builds from the
 * `Lambda-Runtime-Function-Error-Type` header.
 */
export function errorFromPost(body: Buffer, errorTypeHeader: string | undefined): { payload: Buffer; error: LambdaErrorBody } {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      const error: LambdaErrorBody = {
        ...record,
        errorType: typeof record["errorType"] === "string" ? record["errorType"] : (errorTypeHeader ?? "Unknown"),
        errorMessage: typeof record["errorMessage"] === "string" ? record["errorMessage"] : "",
      };
      return { payload: body, error };
    }
  } catch {
    // Not JSON: fall through to the default document below.
  }
  const error: LambdaErrorBody = { errorType: errorTypeHeader ?? "Unknown", errorMessage: "Unknown application error occurred" };
  return { payload: Buffer.from(JSON.stringify(error)), error };
}
