import type { ConnectionFactory } from "./connection.js";
import { connectLoopback } from "./loopback-connection.js";

/** The connection `start()` and `kata-runtime` use unless `options.connect` says otherwise. */
export const defaultConnect: ConnectionFactory = connectLoopback;
