import { RuntimeApiError } from "./api/runtime-api-error.js";

/** The loop cannot go on: the process logs one line and exits non-zero. */
export class FatalRuntimeError extends Error {
  override readonly name = "FatalRuntimeError";
}

/**
 * How a refused post is handled. The docs give 500 on every Runtime API call the meaning
 * "Container error. Non-recoverable state. Runtime should exit promptly."
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), so that one is fatal; any
 * other refusal or transport failure concerns only this invocation and is returned to be logged.
 */
export function fatalIfContainerError(failure: unknown, what: string): unknown {
  if (failure instanceof RuntimeApiError && failure.status >= 500) {
    throw new FatalRuntimeError(`${failure.message} while posting ${what}; Lambda reports a non-recoverable container error, exiting.`, { cause: failure });
  }
  return failure;
}
