import { spawn, type ChildProcess } from "node:child_process";
import { writeSync } from "node:fs";
import type { ProcessExit } from "./lambda-errors.js";

/**
 * Where the function's stdout and stderr go: a file descriptor that the function shares (2, the
 * caller's stderr, by default), so that its lines and the emulator's keep the order in which
 * they were written; or a callback that receives each chunk (order across the pipe not kept).
 */
export type LogTarget = number | ((text: string) => void);

/** Writes one line of the emulator's own (START/END/REPORT) to the log target. */
export function writeLog(target: LogTarget, line: string): void {
  if (typeof target === "number") writeSync(target, line + "\n");
  else target(line + "\n");
}

/**
 * The function's process (the runtime). It runs in its own process group so that killing it also
 * kills what a `bootstrap` shell script started.
 */
export class FunctionProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private exit: ProcessExit | undefined;

  constructor(command: readonly string[], env: NodeJS.ProcessEnv, cwd: string, logs: LogTarget) {
    const [file, ...args] = command;
    if (file === undefined) throw new TypeError("FunctionProcess: the command is empty");
    const output = typeof logs === "number" ? logs : "pipe";
    this.child = spawn(file, args, { env, cwd, stdio: ["ignore", output, output], detached: process.platform !== "win32" });
    if (typeof logs === "function") {
      this.child.stdout?.setEncoding("utf8").on("data", logs);
      this.child.stderr?.setEncoding("utf8").on("data", logs);
    }
    this.exited = new Promise((resolve) => {
      // 'close' (not 'exit') so that piped output has been fully delivered first.
      this.child.once("close", (code, signal) => resolve((this.exit = { code, signal })));
      this.child.once("error", (error) => {
        writeLog(logs, `kata: could not start the function process ${file}: ${error.message}`);
        // A process that never started emits no 'close': report it as the shell would (127).
        if (this.child.pid === undefined) resolve((this.exit = { code: 127, signal: null }));
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** Kills the process (and its group) at once, as Lambda does on a timeout, and waits for it to end. */
  async kill(): Promise<ProcessExit> {
    if (this.exit !== undefined) return this.exit;
    const pid = this.child.pid;
    try {
      if (pid !== undefined && process.platform !== "win32") process.kill(-pid, "SIGKILL");
      else this.child.kill("SIGKILL");
    } catch {
      this.child.kill("SIGKILL");
    }
    return this.exited;
  }
}
