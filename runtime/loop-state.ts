import type { FunctionSettings } from "./invocation-context.js";
import type { Invoke } from "./invoke.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** An invocation whose handler is running, with what is needed to post its error from anywhere. */
export interface InFlight {
  requestId: string;
  connection: RuntimeApiConnection;
  invocationId: string | undefined;
}

/** What every worker of one `start()` shares. */
export interface LoopState {
  readonly invoke: Invoke;
  readonly settings: FunctionSettings;
  readonly concurrency: number;
  /**
   * One entry per running invocation, read by the crash guard to fail the invocations a crash
   * takes down. A set of entries, not a map by request id: the Runtime API may hand out one id
   * twice, and each of those invocations must still be answered.
   */
  readonly inFlight: Set<InFlight>;
  stopped: boolean;
}
