import type { FunctionSettings } from "./invocation-context.js";
import type { Invoke } from "./invoke.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** An invocation whose handler is running, with what is needed to post its error from anywhere. */
export interface InFlight {
  connection: RuntimeApiConnection;
  invocationId: string | undefined;
}

/** What every worker of one `start()` shares. */
export interface LoopState {
  readonly invoke: Invoke;
  readonly settings: FunctionSettings;
  readonly concurrency: number;
  /** Keyed by request id; read by the crash guard to fail the invocations a crash takes down. */
  readonly inFlight: Map<string, InFlight>;
  stopped: boolean;
}
