/** kata's loop (`start()` from dist/) with the handler and connection named on the command line. */
import { reportUsageOnRequest } from "./report-usage.mjs";
import { kataSqs, trivial } from "./handlers.mjs";

const [, , eventName, connectionName] = process.argv;
const { start } = await import(new URL("../../dist/runtime/start.js", import.meta.url).href);
const connect =
  connectionName === "loopback"
    ? (await import(new URL("../../dist/runtime/transport/loopback-connection.js", import.meta.url).href)).connectLoopback
    : (await import(new URL("../../dist/runtime/transport/node-http-connection.js", import.meta.url).href)).connectNodeHttp;
const handler = eventName === "sqs" ? (await kataSqs()).handler : trivial;
reportUsageOnRequest();
await start(handler, { connect });
