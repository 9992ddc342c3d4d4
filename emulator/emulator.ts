import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ExecutionEnvironment } from "./execution-environment.js";
import type { LogTarget } from "./function-process.js";
import { defaultSettings, type FunctionSettings } from "./function-settings.js";
import { INVOKE_PATH, serveInvoke } from "./invoke-endpoint.js";
import type { InvokeOptions, InvokeResult } from "./invocation.js";
import { closeServer, listen } from "./listen.js";
import { RUNTIME_API_PREFIX, sendJson, serveRuntimeApi } from "./runtime-api-routes.js";

export interface EmulatorOptions extends Partial<Omit<FunctionSettings, "handler" | "taskRoot">> {
  /** The function process: kata's runtime (`[node, "dist/runtime/bin.js"]`), a `./bootstrap`, any Runtime API client. */
  command: readonly string[];
  /** `_HANDLER`, e.g. `index.handler`. */
  handler: string;
  /** `LAMBDA_TASK_ROOT`. */
  taskRoot: string;
  /** Working directory of the function process; the task root when absent. */
  cwd?: string;
  /** Where the function's output and the START/END/REPORT lines go: a file descriptor (stderr, 2, by default) or a callback. */
  logs?: LogTarget;
  /** Port of the Runtime API (and invoke endpoint) on 127.0.0.1; any free port when absent. */
  port?: number;
  /** Start the function process at once (the default), so that init runs before the first invocation. */
  eager?: boolean;
}

/** Lambda's largest function timeout. */
const MAX_TIMEOUT_SECONDS = 900;

/**
 * A local Lambda: the Runtime API (`/2018-06-01/runtime/...`) and the Invoke API
 * (`POST /2015-03-31/functions/function/invocations`) on 127.0.0.1, in front of one function
 * process that it starts, times out and restarts as Lambda does.
 */
export class Emulator {
  private constructor(
    private readonly server: Server,
    private readonly env: ExecutionEnvironment,
    /** `127.0.0.1:<port>`, the value of `AWS_LAMBDA_RUNTIME_API`. */
    readonly address: string,
  ) {}

  static async start(options: EmulatorOptions): Promise<Emulator> {
    const { command, handler, taskRoot, cwd, logs, port, eager, ...configured } = options;
    const settings: FunctionSettings = { ...defaultSettings, ...withoutUndefined(configured), handler, taskRoot };
    if (!(settings.timeoutSeconds > 0 && settings.timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
      throw new RangeError(`timeoutSeconds must be more than 0 and at most ${MAX_TIMEOUT_SECONDS} (Lambda's maximum), got ${settings.timeoutSeconds}`);
    }
    let env: ExecutionEnvironment | undefined;
    const server = createServer((req, res) => void route(env!, req, res));
    const host = "127.0.0.1";
    const bound = await listen(server, port ?? 0, host);
    const address = `${host}:${bound}`;
    env = new ExecutionEnvironment({ settings, command, cwd: cwd ?? taskRoot, logs: logs ?? 2, runtimeApi: address });
    if (eager !== false) env.start();
    return new Emulator(server, env, address);
  }

  /** Base URL of the Runtime API and the invoke endpoint. */
  get url(): string {
    return `http://${this.address}`;
  }

  get settings(): FunctionSettings {
    return this.env.settings;
  }

  /** Pid of the function process now running (it changes when the process is restarted). */
  get pid(): number | undefined {
    return this.env.pid;
  }

  /** Invokes the function with an event (bytes or text as is; anything else as JSON). */
  invoke(event: unknown, options?: InvokeOptions): Promise<InvokeResult> {
    const bytes = typeof event === "string" || event instanceof Uint8Array ? Buffer.from(event) : Buffer.from(JSON.stringify(event));
    return this.env.invoke(bytes, options);
  }

  /**
   * Waits until the last invocation has ended as Lambda ends it: its runtime asked for the next
   * one (or exited, or was stopped), so that its END and REPORT are written. At most `timeoutMs`
   * (the function timeout by default), for a runtime that never asks again.
   */
  async ended(timeoutMs = this.settings.timeoutSeconds * 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.env.ended(), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Serves the Invoke API on another server (`kata serve` does, on its public port). */
  serveInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return serveInvoke(this.env, req, res);
  }

  /** Restarts the function process (after the invocation in flight), e.g. when its code changed. */
  restart(): Promise<void> {
    return this.env.restart();
  }

  async close(): Promise<void> {
    await this.env.close();
    await closeServer(this.server);
  }
}

async function route(env: ExecutionEnvironment, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const path = req.url ?? "";
    if (path.startsWith(RUNTIME_API_PREFIX)) await serveRuntimeApi(env, req, res);
    else if (INVOKE_PATH.test(path.split("?")[0] ?? "")) await serveInvoke(env, req, res);
    else sendJson(res, { status: 404, body: { errorType: "NotFound", errorMessage: `No route for ${req.method} ${path}` } });
  } catch (error) {
    if (!res.headersSent) sendJson(res, { status: 500, body: { errorType: "InternalServerError", errorMessage: String(error) } });
    else res.destroy();
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
