import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "../../cli/run-cli.js";
import { httpCall, type HttpReply } from "../../emulator/http-client.js";
import { peer } from "./peers.js";

const INVOKE = "/2015-03-31/functions/function/invocations";

export interface RieOptions {
  /** The runtime RIE starts on the first invoke (classic mode), e.g. `[node, "dist/runtime/bin.js"]`. */
  command: readonly string[];
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * AWS's Runtime Interface Emulator, always bound to 127.0.0.1 (without the flag it listens on
 * 0.0.0.0:8080). Its own log and the runtime's output are collected in `logs`.
 */
export class Rie {
  logs = "";
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.setEncoding("utf8").on("data", (text: string) => (this.logs += text));
    child.stderr!.setEncoding("utf8").on("data", (text: string) => (this.logs += text));
    this.exited = new Promise((resolve) => child.once("close", () => resolve()));
  }

  /** Classic mode: one runtime, started lazily with the given command line. */
  static async start(options: RieOptions): Promise<Rie> {
    const port = await freePort();
    const argv = ["--runtime-interface-emulator-address", `127.0.0.1:${port}`, ...options.command];
    return Rie.spawned(spawn(peer("aws-lambda-rie"), argv, rieSpawnOptions(options)), port);
  }

  /**
   * Concurrency mode (`AWS_LAMBDA_MAX_CONCURRENCY`): RIE then ignores its command line and runs
   * `/var/task/bootstrap`. So it runs in a private mount namespace (`unshare -m`) with a tmpfs over
   * /var into which `taskDir` is copied; the real /var is never written.
   */
  static async startConcurrent(taskDir: string, options: { env: Record<string, string> }): Promise<Rie> {
    const port = await freePort();
    const script = 'mount -t tmpfs tmpfs /var && mkdir /var/task && cp -R "$KATA_TASK_DIR"/. /var/task/ && exec "$KATA_RIE" --runtime-interface-emulator-address "127.0.0.1:$KATA_RIE_PORT"';
    const env = { ...options.env, KATA_TASK_DIR: taskDir, KATA_RIE: peer("aws-lambda-rie"), KATA_RIE_PORT: String(port) };
    return Rie.spawned(spawn("unshare", ["-m", "/bin/sh", "-c", script], rieSpawnOptions({ command: [], env })), port);
  }

  private static async spawned(child: ChildProcess, port: number): Promise<Rie> {
    const rie = new Rie(child, `http://127.0.0.1:${port}`);
    await rie.listening(port);
    return rie;
  }

  invoke(event: unknown, headers: Record<string, string> = {}): Promise<HttpReply> {
    return httpCall(this.url, "POST", INVOKE, { body: typeof event === "string" ? event : JSON.stringify(event), headers });
  }

  /** Stops RIE and the runtime it started (its process group). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, "SIGKILL");
      } catch {
        this.child.kill("SIGKILL");
      }
    }
    await this.exited;
  }

  private async listening(port: number): Promise<void> {
    const until = Date.now() + 15_000;
    for (;;) {
      if (await accepts(port)) return;
      if (this.child.exitCode !== null || Date.now() > until) {
        await this.stop();
        throw new Error(`interop: aws-lambda-rie did not listen on 127.0.0.1:${port}; its output:\n${this.logs}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function rieSpawnOptions(options: RieOptions): Parameters<typeof spawn>[2] {
  return { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"], detached: true };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}
