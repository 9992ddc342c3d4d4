import type { ConnectionFactory } from "./connection.js";
import { connectNodeHttp } from "./node-http-connection.js";

/** The connection `start()` and `kata-runtime` use unless `options.connect` says otherwise. */
export const defaultConnect: ConnectionFactory = connectNodeHttp;
