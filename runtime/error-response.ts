/**
 * The error document posted to `/invocation/{id}/error` and `/init/error`:
 * `{ errorType, errorMessage, stackTrace: string[] }` (the Runtime API's `ErrorRequest`).
 */
export interface ErrorResponse {
  errorType: string;
  errorMessage: string;
  stackTrace: string[];
}

/** Like the managed runtime: an Error gives its name, message and stack lines; anything else its type. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof Error) {
    return {
      errorType: String(error.name),
      errorMessage: String(error.message),
      stackTrace: typeof error.stack === "string" ? error.stack.split("\n") : [],
    };
  }
  return { errorType: typeof error, errorMessage: describe(error), stackTrace: [] };
}

/**
 * The `Lambda-Runtime-Function-Error-Type` value. The docs recommend `<category.reason>`
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html#runtimes-api-invokeerror):
 * kata's own failures already carry `Runtime.<reason>`; anything thrown by user code becomes
 * `Function.<error name>`, so that the two causes can be told apart in metrics.
 */
export function errorTypeHeader(errorType: string): string {
  if (errorType.startsWith("Runtime.") || errorType.startsWith("Function.")) return headerSafe(errorType);
  return `Function.${headerSafe(errorType) || "Unknown"}`;
}

/** Header values may not hold spaces or control characters (a name is user data). */
function headerSafe(value: string): string {
  return value.replace(/[^\x21-\x7e]/g, "");
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
