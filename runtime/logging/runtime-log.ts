import type { DecodeError } from "../decode/index.js";
import { toErrorResponse } from "../error-response.js";
import { jsonLogging, logStructured } from "./structured.js";

/**
 * kata's own log lines go through the (patched) console so that they carry the request id and
 * the configured format like the function's logs. An error is appended as one JSON document,
 * as the managed runtime's "Invoke Error" lines do; in JSON format its fields (and a
 * `DecodeError`'s `typeName` and `issues`) are the line's own.
 */
export function logError(message: string, error?: unknown): void {
  if (error === undefined) console.error(message);
  else if (jsonLogging()) logStructured("ERROR", { message, ...toErrorResponse(error), ...decodeFields(error) });
  else console.error(`${message}\t${JSON.stringify(toErrorResponse(error))}`);
}

export function logWarning(message: string): void {
  console.warn(message);
}

/** By shape, not `instanceof`: the handler's copy of kata threw it, not kata-runtime's bundled one. Never throws. */
function decodeFields(error: unknown): Partial<Pick<DecodeError, "typeName" | "issues">> {
  try {
    const candidate = error as Partial<DecodeError> | null;
    if (candidate?.name === "DecodeError" && Array.isArray(candidate.issues)) return { typeName: String(candidate.typeName), issues: candidate.issues };
  } catch {
    // a hostile getter: the error fields alone
  }
  return {};
}
