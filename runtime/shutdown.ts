import { logError, logWarning } from "./logging/runtime-log.js";

export type ShutdownHook = () => unknown;

// On globalThis so that a bundled copy of kata in the handler and the kata-runtime bin share it.
const REGISTRY = Symbol.for("kata.shutdownHooks");

function registry(): ShutdownHook[] {
  const global = globalThis as { [REGISTRY]?: ShutdownHook[] };
  return (global[REGISTRY] ??= []);
}

/**
 * Runs `hook` when Lambda shuts the sandbox down (SIGTERM). Register hooks during init (at module
 * top level or before `start()`): only then can the loop ask Lambda for the SIGTERM.
 */
export function onShutdown(hook: ShutdownHook): void {
  registry().push(hook);
}

export function hasShutdownHooks(extra: readonly ShutdownHook[] = []): boolean {
  return registry().length + extra.length > 0;
}

/**
 * On SIGTERM: names the requests still running (their answers are abandoned), runs every hook, the
 * registered ones and `extra` (concurrently; a failing hook is logged, not fatal), then exits 0.
 * Returns a function that removes the listener.
 */
export function handleSigterm(extra: readonly ShutdownHook[] = [], running: () => string[] = () => []): () => void {
  const listener = (): void => {
    const abandoned = running();
    if (abandoned.length > 0) {
      logWarning(`kata: SIGTERM while request ${abandoned.join(", ")} was still running: it is abandoned, no response will be posted for it. Lambda sends SIGTERM when it shuts the execution environment down.`);
    }
    void runHooks([...registry(), ...extra]).then(() => process.exit(0));
  };
  process.once("SIGTERM", listener);
  return () => {
    process.off("SIGTERM", listener);
  };
}

async function runHooks(hooks: ShutdownHook[]): Promise<void> {
  const results = await Promise.allSettled(hooks.map(async (hook) => hook()));
  for (const result of results) {
    if (result.status === "rejected") logError("A shutdown hook failed", result.reason);
  }
}
