/**
 * The error document posted to `/invocation/{id}/error` and `/init/error`:
 * `{ errorType, errorMessage, stackTrace: string[] }` (the Runtime API's `ErrorRequest`).
 */
export interface ErrorResponse {
  errorType: string;
  errorMessage: string;
  stackTrace: string[];
}

/**
 * Like the managed runtime: an Error gives its name, message and stack lines; anything else its
 * type. Never throws: user code may throw `Object.create(null)`, an object whose `toString`
 * throws, or an Error whose getters throw, and describing it must not lose the invocation (or
 * the SQS batch) it came from.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (attempt(() => error instanceof Error, false)) {
    const e = error as Error;
    return {
      errorType: attempt(() => String(e.name), "Error"),
      errorMessage: attempt(() => String(e.message), ""),
      stackTrace: attempt(() => (typeof e.stack === "string" ? e.stack.split("\n") : []), []),
    };
  }
  return { errorType: typeof error, errorMessage: describeThrown(error), stackTrace: [] };
}

/** Text for any thrown value (an Error's message); never throws. */
export function describeThrown(value: unknown): string {
  if (attempt(() => value instanceof Error, false)) return toErrorResponse(value).errorMessage;
  return describe(value);
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
  return attempt(
    () => JSON.stringify(value) ?? String(value),
    () => attempt(() => String(value), () => attempt(() => Object.prototype.toString.call(value), "(a value that cannot be described)")),
  );
}

function attempt<T>(get: () => T, fallback: T | (() => T)): T {
  try {
    return get();
  } catch {
    return typeof fallback === "function" ? (fallback as () => T)() : fallback;
  }
}
