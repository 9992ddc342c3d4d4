import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { start } from "../../runtime/start.js";
import type { StartOptions } from "../../runtime/start-options.js";
import { projectRoot } from "../support/fixtures.js";
import { startMockRuntimeApi, type MockRuntimeApi } from "../support/mock-runtime-api.js";

export const handlersDir = join(projectRoot, "test", "fixtures", "handlers");
export const binPath = join(projectRoot, "dist", "runtime", "bin.js");

export interface LoopUnderTest {
  api: MockRuntimeApi;
  /** Log lines written by the loop (and by the handler's console calls) while it ran. */
  logs: string[];
  stop(): Promise<void>;
}

/** Runs kata's loop in this process against a fresh mock Runtime API. */
export async function runLoop(handler: unknown, options: StartOptions = {}): Promise<LoopUnderTest> {
  const api = await startMockRuntimeApi();
  const controller = new AbortController();
  const logs: string[] = [];
  const running = start(handler, { runtimeApi: api.address, signal: controller.signal, writeLog: (line) => logs.push(line), ...options });
  return {
    api,
    logs,
    async stop() {
      controller.abort();
      await running;
      await api.close();
    },
  };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnedRuntime {
  child: ChildProcess;
  exited: Promise<Exit>;
  /** Resolves when stdout contains `text`. */
  printed(text: string): Promise<void>;
}

/** Runs `node ...nodeArgs <script> ...args` (by default the kata-runtime bin) as a child against `api`. */
export function spawnRuntime(api: MockRuntimeApi, args: string[], env: Record<string, string> = {}, script = binPath, nodeArgs: string[] = []): SpawnedRuntime {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { PATH: process.env.PATH ?? "", AWS_LAMBDA_RUNTIME_API: api.address, LAMBDA_TASK_ROOT: handlersDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const w of waiters.splice(0)) (stdout.includes(w.text) ? w.resolve() : waiters.push(w));
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    exited,
    printed: (text) => (stdout.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
}

/** Parses the JSON body of a recorded request or outcome. */
export function json(body: Uint8Array): any {
  return JSON.parse(Buffer.from(body).toString("utf8"));
}

export interface RuntimeUnderTest extends SpawnedRuntime {
  api: MockRuntimeApi;
  /** Kills the child if it still runs, then closes its mock. Returns how it ended. */
  end(): Promise<Exit>;
}

/** A fresh mock and a child runtime polling it (one mock per child, so no poll outlives its process). */
export async function spawnAgainstMock(args: string[], env: Record<string, string> = {}, script?: string, nodeArgs?: string[]): Promise<RuntimeUnderTest> {
  const api = await startMockRuntimeApi();
  const runtime = spawnRuntime(api, args, env, script, nodeArgs);
  return {
    ...runtime,
    api,
    async end() {
      if (runtime.child.exitCode === null && runtime.child.signalCode === null) runtime.child.kill("SIGKILL");
      const exit = await runtime.exited;
      await api.close();
      return exit;
    },
  };
}
