import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { relative } from "node:path";
import type { CommandModule } from "yargs";
import { Emulator } from "../../emulator/emulator.js";
import { serveHttpRequest } from "../../emulator/http-gateway.js";
import { INVOKE_PATH } from "../../emulator/invoke-endpoint.js";
import { closeServer, listen } from "../../emulator/listen.js";
import { sendJson } from "../../emulator/runtime-api-routes.js";
import { logAccess } from "../access-log.js";
import { progress, reportFailure } from "../command-error.js";
import { prepareFunction, withFunctionOptions, type FunctionArgs, type PreparedFunction } from "../function-options.js";
import { watchSources } from "../watch-files.js";
import { watchAndGenerate } from "../watch-generate.js";

interface ServeArgs extends FunctionArgs {
  port: number;
  host: string;
  watch: boolean;
  http: boolean;
}

const GROUP = "Server:";

/** `kata serve`: the emulator and the function kept running, behind the Invoke API (and plain HTTP). */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve <handler>",
  describe: "Keep a handler running behind Lambda's local invoke endpoint (and, with --http, behind plain HTTP as an HTTP API)",
  builder: (yargs) =>
    withFunctionOptions(
      yargs
        .option("port", { alias: "p", type: "number", default: 9000, group: GROUP, describe: "The port to listen on." })
        .option("host", { type: "string", default: "127.0.0.1", group: GROUP, describe: "The address to listen on; 0.0.0.0 makes the function reachable from other machines." })
        .option("watch", { alias: "w", type: "boolean", default: false, group: GROUP, describe: "Restart the function (recompiling TypeScript) when its source files change, and run kata generate first when kata.config.json or a schema changes." })
        .option("http", { type: "boolean", default: false, group: GROUP, describe: "Also serve plain HTTP requests: each becomes an API Gateway HTTP API (v2) event, and the function's result becomes the HTTP response." }),
    )
      .example("$0 serve src/orders.handler", "Invoke with: curl -d @event.json localhost:9000/2015-03-31/functions/function/invocations")
      .example("$0 serve src/api.handler --http --watch", "Then: curl localhost:9000/orders (reloads on save).")
      .example("$0 serve index.handler --exec ./bootstrap --port 9001", "Serve a custom runtime's bootstrap."),
  handler: async (args) => {
    const cwd = process.cwd();
    let emulator: Emulator | undefined;
    try {
      const prepared = await prepareFunction(args, cwd, (message) => progress("serve", message));
      emulator = await Emulator.start(prepared.options);
      const running = emulator;
      const server = createServer((req, res) => {
        logAccess(req, res, (line) => progress("serve", line));
        void route(running, args.http, req, res);
      });
      await listen(server, args.port, args.host);
      const stopWatching = args.watch ? watchAndRestart(running, prepared, cwd) : () => {};
      const stopGenerating = args.watch ? watchAndGenerate(prepared.generated, cwd, (message) => progress("serve", message)) : () => {};
      const base = `http://${args.host}:${args.port}`;
      progress("serve", `${args.handler} is listening on ${base}`);
      progress("serve", `invoke it: curl -d '{}' ${base}/2015-03-31/functions/function/invocations`);
      if (args.http) progress("serve", `HTTP requests (e.g. curl ${base}/) reach it as API Gateway HTTP API events`);
      await stopSignal();
      stopWatching();
      stopGenerating();
      await closeServer(server);
    } catch (error) {
      reportFailure("serve", error);
    } finally {
      await emulator?.close();
    }
  },
};

async function route(emulator: Emulator, http: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (INVOKE_PATH.test((req.url ?? "").split("?")[0] ?? "")) await emulator.serveInvoke(req, res);
    else if (http) await serveHttpRequest(emulator, req, res);
    else {
      const errorMessage = `No route for ${req.method} ${req.url}: POST events to /2015-03-31/functions/function/invocations, or start kata serve with --http to send plain HTTP requests to the function`;
      sendJson(res, { status: 404, body: { errorType: "NotFound", errorMessage } });
    }
  } catch (error) {
    if (!res.headersSent) sendJson(res, { status: 500, body: { errorType: "InternalServerError", errorMessage: String(error) } });
    else res.destroy();
  }
}

/** Recompiles and restarts on change; a compile error is shown and the previous code keeps running. */
function watchAndRestart(emulator: Emulator, prepared: PreparedFunction, cwd: string): () => void {
  let stop = () => {};
  let stopped = false;
  const start = (watched: string[]) => {
    if (stopped) return; // serve was stopped while the function restarted: no new watchers keeping it alive
    stop = watchSources(watched, async (changed) => {
      progress("serve", `${relative(cwd, changed)} changed; restarting the function`);
      try {
        const nowWatched = await prepared.rebuild();
        await emulator.restart();
        stop();
        start(nowWatched); // the bundle's inputs may have changed
      } catch (error) {
        progress("serve", `${(error as Error).message} (the previous code keeps running)`);
      }
    });
  };
  start(prepared.watched);
  return () => {
    stopped = true;
    stop();
  };
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
