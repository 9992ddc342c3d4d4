import { describeThrown } from "./error-response.js";
import { RuntimeApiError } from "./api/runtime-api-error.js";
import { FatalRuntimeError } from "./fatal.js";

/** `/next` failures (refused, reset, 5xx) are retried this many times, doubling the delay. */
export const NEXT_RETRIES = 3;
export const NEXT_FIRST_DELAY_MS = 100;


/**
 * Calls `attempt` until it succeeds, retrying `retries` times after 100, 200, 400 ms...
 * `stopped()` ends the waiting early when the loop is being shut down.
 */
export async function withRetries<T>(attempt: () => Promise<T>, what: string, stopped: () => boolean, onRetry: (error: unknown, delayMs: number) => void): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (stopped()) throw error;
      if (failures === NEXT_RETRIES) {
        throw new FatalRuntimeError(`${what} failed ${failures + 1} times, last with: ${describe(error)}. ${diagnosis(error)}; exiting.`, { cause: error });
      }
      const delayMs = NEXT_FIRST_DELAY_MS * 2 ** failures;
      onRetry(error, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (stopped()) throw error;
    }
  }
}

/** What the failures mean: a Runtime API that answers with errors is reachable, just failing. */
function diagnosis(error: unknown): string {
  if (error instanceof RuntimeApiError) return `The Runtime API is reachable but kept answering ${error.status} instead of an invocation`;
  return "The Runtime API is unreachable";
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return describeThrown(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${error.message} (${code})` : error.message;
}
