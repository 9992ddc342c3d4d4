import { toErrorResponse } from "../error-response.js";

/**
 * kata's own log lines go through the (patched) console so that they carry the request id and
 * the configured format like the function's logs. An error is appended as one JSON document,
 * as the managed runtime's "Invoke Error" lines do.
 */
export function logError(message: string, error?: unknown): void {
  if (error === undefined) console.error(message);
  else console.error(`${message}\t${JSON.stringify(toErrorResponse(error))}`);
}

export function logWarning(message: string): void {
  console.warn(message);
}
