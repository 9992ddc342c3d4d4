import type { ShutdownHook } from "./shutdown.js";
import type { ConnectionFactory } from "./transport/connection.js";

export interface StartOptions {
  /** Invocations run at once. Default: `AWS_LAMBDA_MAX_CONCURRENCY`, else 1. */
  concurrency?: number;
  /** `host:port` of the Runtime API. Default: `AWS_LAMBDA_RUNTIME_API`. */
  runtimeApi?: string;
  /** Opens one connection per worker. Default: kata's own HTTP client. */
  connect?: ConnectionFactory;
  /** Run on SIGTERM, with those registered by `onShutdown()`. */
  onShutdown?: ShutdownHook | ShutdownHook[];
  /** Stops the loop at once (pending long-polls are dropped); `start()` then resolves. For tests and embedding. */
  signal?: AbortSignal;
  /** Where log lines go. Default: `process.stdout`. */
  writeLog?: (line: string) => void;
}
