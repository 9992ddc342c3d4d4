#!/usr/bin/env node
import "./keep-code-cache.js"; // first: before any built-in module loads
import { MalformedHandlerNameError } from "./errors.js";
import { loadHandler } from "./load-handler.js";
import { installLogging } from "./logging/install.js";
import { logError } from "./logging/runtime-log.js";
import { provideInvokeStore } from "./invoke-store.js";
import { installSourceMappedStacks } from "./source-mapped-stacks.js";
import { start } from "./start.js";
import { defaultConnect } from "./transport/default-connection.js";

/**
 * kata-runtime: a drop-in for aws-lambda-ric. The handler comes from the first argument or
 * `_HANDLER`, relative to `LAMBDA_TASK_ROOT` (else the working directory). No top-level await, so
 * that `kata package` can bundle it as CommonJS, which Node starts faster than an ES module.
 */
async function main(): Promise<void> {
  await installLogging(); // before user code runs, so that its init logs are formatted too
  // As the managed runtime does, before user code runs: Powertools logs at init read it.
  if (process.env.AWS_LAMBDA_MAX_CONCURRENCY) provideInvokeStore();
  const taskRoot = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const handlerName = process.argv[2] ?? process.env._HANDLER;
  // `kata package`'s bootstrap asks for source maps, mapped when a stack is formatted rather than
  // read at start as --enable-source-maps does (which, when given, stays in charge, as does a
  // formatter that a preloaded module installed).
  if (process.env.KATA_SOURCE_MAPS === "1") installSourceMappedStacks();
  let handler: unknown;
  try {
    if (!handlerName) throw new MalformedHandlerNameError("No handler given. Set _HANDLER (e.g. index.handler) or pass it as the first argument: kata-runtime index.handler");
    handler = await loadHandler(taskRoot, handlerName);
  } catch (error) {
    const address = process.env.AWS_LAMBDA_RUNTIME_API;
    if (!address) {
      logError("kata: AWS_LAMBDA_RUNTIME_API is not set, so this init error cannot be reported", error);
      process.exit(1);
    }
    const { failInit } = await import("./fail-init.js");
    await failInit(defaultConnect(address), error);
  }
  await start(handler);
}

// A rejection here is a bug in kata itself: let it end the process as a top-level await would.
void main();
