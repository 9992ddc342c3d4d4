import { toErrorResponse } from "./error-response.js";
import { postError } from "./api/post-error.js";
import { UnhandledPromiseRejectionError } from "./errors.js";
import { logError } from "./logging/runtime-log.js";
import type { LoopState } from "./loop-state.js";

/**
 * An exception thrown outside any awaited promise (a throwing timer callback, a rejected promise
 * nobody awaits) leaves the process in an unknown state. As the managed runtime does, every
 * invocation in flight is failed with that error, then the process exits: 129 for an uncaught
 * exception, 128 for an unhandled rejection. Returns a function that removes the listeners.
 */
export function installCrashGuard(loop: LoopState): () => void {
  let crashing = false;
  const crash = (label: string, error: unknown, exitCode: number): void => {
    if (crashing) return;
    crashing = true;
    logError(label, error);
    void failInFlight(loop, error).finally(() => process.exit(exitCode));
  };
  const onException = (error: unknown): void => crash("Uncaught Exception", error, 129);
  const onRejection = (reason: unknown): void => crash("Unhandled Promise Rejection", unhandledRejection(reason), 128);
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  };
}

async function failInFlight(loop: LoopState, error: unknown): Promise<void> {
  const posts = [...loop.inFlight].map(({ requestId, connection, invocationId }) =>
    postError(connection, requestId, error, invocationId).catch((failure: unknown) => logError(`kata: could not post the error of request ${requestId}`, failure)),
  );
  loop.inFlight.clear();
  await Promise.all(posts);
}

function unhandledRejection(reason: unknown): UnhandledPromiseRejectionError {
  const described = toErrorResponse(reason);
  const message = reason instanceof Error ? `${described.errorType}: ${described.errorMessage}` : described.errorMessage;
  const error = new UnhandledPromiseRejectionError(message, { cause: reason });
  if (reason instanceof Error && reason.stack) error.stack = reason.stack;
  return error;
}
