import { resolveConcurrency } from "./concurrency.js";
import { installCrashGuard } from "./crash-guard.js";
import { readFunctionSettings } from "./invocation-context.js";
import { useConcurrentScope } from "./invocation-scope.js";
import { provideInvokeStore } from "./invoke-store.js";
import { invokerFor } from "./invoke.js";
import { installLogging } from "./logging/install.js";
import { logError } from "./logging/runtime-log.js";
import type { InFlight, LoopState } from "./loop-state.js";
import { handleSigterm, hasShutdownHooks } from "./shutdown.js";
import type { StartOptions } from "./start-options.js";
import { defaultConnect } from "./transport/default-connection.js";
import { work } from "./worker.js";

/**
 * Runs `handler` for every invocation the Lambda Runtime API hands out, `concurrency` at a time.
 * A failure during setup is posted to `/runtime/init/error` and ends the process (exit 1); so does
 * a Runtime API that stays unreachable. Resolves only when `options.signal` aborts.
 */
export async function start(handler: unknown, options: StartOptions = {}): Promise<void> {
  const undo = [await installLogging(options.writeLog)];
  const address = options.runtimeApi ?? process.env.AWS_LAMBDA_RUNTIME_API;
  if (!address) return exitFatal("kata: AWS_LAMBDA_RUNTIME_API is not set, so there is no Runtime API to poll. Run under Lambda or an emulator, or pass start(handler, { runtimeApi: 'host:port' }).");
  const connect = options.connect ?? defaultConnect;
  let loop: LoopState;
  try {
    loop = await prepare(handler, options, address, undo);
  } catch (error) {
    const { failInit } = await import("./fail-init.js"); // off the cold-start path: only a broken setup needs it
    return failInit(connect(address), error);
  }
  const connections = Array.from({ length: loop.concurrency }, () => connect(address));
  const stop = (): void => {
    loop.stopped = true;
    for (const connection of connections) connection.close();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    await Promise.all(connections.map((connection) => work(loop, connection)));
  } catch (error) {
    stop();
    return exitFatal(`kata: ${(error as Error).message}`);
  } finally {
    options.signal?.removeEventListener("abort", stop);
    for (const restore of undo.reverse()) restore();
  }
}

/** The init phase: everything that can be wrong with the setup fails here, before the first `/next`. */
async function prepare(handler: unknown, options: StartOptions, address: string, undo: (() => void)[]): Promise<LoopState> {
  const concurrency = resolveConcurrency(options.concurrency);
  if (concurrency > 1) await useConcurrentScope();
  if (concurrency > 1 || process.env.AWS_LAMBDA_MAX_CONCURRENCY) undo.push(announceConcurrency(concurrency));
  const invoke = invokerFor(handler);
  const hooks = options.onShutdown === undefined ? [] : [options.onShutdown].flat();
  const inFlight = new Set<InFlight>();
  undo.push(handleSigterm(hooks, () => [...inFlight].map((entry) => entry.requestId)));
  if (hasShutdownHooks(hooks)) await (await import("./extension-registration.js")).registerSigtermExtension(address);
  const loop: LoopState = { invoke, settings: readFunctionSettings(), concurrency, inFlight, stopped: false };
  undo.push(installCrashGuard(loop));
  return loop;
}

/**
 * Libraries keep per-invocation state apart only when AWS_LAMBDA_MAX_CONCURRENCY is set, and then
 * read it from the managed runtime's InvokeStore (Powertools throws without one): both are
 * provided, so that `start(h, { concurrency })` behaves as Lambda Managed Instances do.
 */
function announceConcurrency(concurrency: number): () => void {
  provideInvokeStore();
  if (process.env.AWS_LAMBDA_MAX_CONCURRENCY) return () => {};
  process.env.AWS_LAMBDA_MAX_CONCURRENCY = String(concurrency);
  return () => void delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
}

function exitFatal(line: string): never {
  logError(line);
  process.exit(1);
}
