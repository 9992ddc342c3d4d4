import type { InvokeResult } from "../emulator/invocation.js";

/** The payload pretty-printed when it is JSON, as is otherwise. */
export function formatPayload(payload: Buffer): string {
  const text = payload.toString("utf8");
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** One line saying why an invocation failed, with its error type and message. */
export function failureLine(result: InvokeResult): string {
  const error = result.error!;
  const what = result.phase === "init" ? "the function failed to initialise" : "the function failed";
  return `${what} (request ${result.requestId}): ${error.errorType}: ${error.errorMessage}`;
}
