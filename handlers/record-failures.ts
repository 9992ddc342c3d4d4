import { describeThrown, toErrorResponse } from "../runtime/error-response.js";

/** What a record failure's log line says of a thrown value: type, message and stack, as Lambda's error responses do. */
export function errorFields(error: unknown) {
  const { errorType, errorMessage, stackTrace } = toErrorResponse(error); // never throws, whatever was thrown
  return stackTrace.length > 0 ? { errorType, errorMessage, stack: stackTrace.join("\n") } : { errorType, errorMessage };
}

/** Calls the user's failure hook; a hook that throws must not change what is reported to Lambda. */
export function reportSafely<F>(hook: (failure: F) => void, failure: F, what: string): void {
  try {
    hook(failure);
  } catch (error) {
    console.error(`kata: onRecordFailure threw for ${what}: ${describeThrown(error)}`);
  }
}
