import { postError } from "./api/post-error.js";
import { fatalIfContainerError } from "./fatal.js";
import { logError } from "./logging/runtime-log.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** Logs an invocation's failure and posts it; a refused post is logged and the loop goes on. */
export async function reportError(connection: RuntimeApiConnection, requestId: string, error: unknown, invocationId: string | undefined): Promise<void> {
  logError("Invoke Error", error);
  try {
    await postError(connection, requestId, error, invocationId);
  } catch (failure) {
    logError(`kata: could not post the error of request ${requestId}`, fatalIfContainerError(failure, `the error of request ${requestId}`));
  }
}
