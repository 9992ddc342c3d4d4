import { nextInvocation, type Invocation } from "./api/next-invocation.js";
import { handleInvocation } from "./handle-invocation.js";
import { logWarning } from "./logging/runtime-log.js";
import type { LoopState } from "./loop-state.js";
import { withRetries } from "./retry.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/**
 * One worker: its own connection, one invocation at a time. `start()` runs as many workers as the
 * concurrency, so there are never more invocations in flight than that.
 */
export async function work(loop: LoopState, connection: RuntimeApiConnection): Promise<void> {
  const stopped = (): boolean => loop.stopped;
  while (!loop.stopped) {
    let invocation: Invocation;
    try {
      invocation = await withRetries(() => nextInvocation(connection), "GET /2018-06-01/runtime/invocation/next", stopped, (error, delayMs) =>
        logWarning(`kata: GET /2018-06-01/runtime/invocation/next failed (${(error as Error).message}); retrying in ${delayMs} ms`),
      );
    } catch (error) {
      if (loop.stopped) return;
      throw error;
    }
    await handleInvocation(invocation, connection, loop);
  }
}
