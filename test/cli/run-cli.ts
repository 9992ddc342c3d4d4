import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectRoot } from "../support/fixtures.js";

export const kataBin = join(projectRoot, "dist", "cli", "bin.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/bin.js ...args` as a user would, and collects its output. */
export function runCli(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kataBin, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A long-running `kata` (serve): its output so far, a way to wait for a line, and to stop it. */
export class RunningCli {
  stdout = "";
  stderr = "";
  readonly closed: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [kataBin, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.closed = new Promise((resolve) => this.child.once("close", resolve));
  }

  /** Resolves when stderr matches `pattern` (polling), or rejects after `timeoutMs`. */
  async waitForStderr(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.stderr);
      if (match !== null) return match;
      if (Date.now() > until) throw new Error(`stderr never matched ${pattern}; it was:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    this.child.kill(signal);
    return this.closed;
  }
}

/**
 * A temporary package with the given files; `remove()` deletes it (compiled handlers included:
 * kata caches them in the package's node_modules/.cache). With `kata: true` its
 * `node_modules/kata` links to this repository, so that `import "kata/handlers"` resolves as in a
 * user's project.
 */
export function makeProject(files: Record<string, string>, options: { kata?: boolean } = {}): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "kata-cli-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "kata-cli-test", private: true, type: "module" }));
  if (options.kata === true) {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(projectRoot, join(dir, "node_modules", "kata"), "dir");
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
