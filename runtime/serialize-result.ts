import { describeThrown } from "./error-response.js";
import { JSONStringifyError } from "./errors.js";

/**
 * JSON text of a handler's result, as the managed Node.js runtime produces it: a string becomes a
 * JSON string and `undefined` (a handler that returns nothing) becomes `null`.
 */
export function serializeResult(result: unknown, requestId: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(result);
  } catch (error) {
    const reason = describeThrown(error).split("\n")[0];
    throw new JSONStringifyError(
      `Unable to stringify the result of request ${requestId}: ${reason}. Return JSON data only (no cycles; BigInt as a string or number).`,
      { cause: error },
    );
  }
  // JSON.stringify gives undefined for undefined, functions and symbols: all "no value".
  return json ?? "null";
}
