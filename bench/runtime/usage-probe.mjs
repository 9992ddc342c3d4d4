/**
 * Preloaded into each client process (`node --import`): answers the parent's `report` with the
 * process's CPU time and RSS. `process.cpuUsage()` is getrusage(RUSAGE_SELF): every thread of the
 * process, so worker threads and a native client's threads count too. Worker threads also load
 * this file (they inherit the flags) and do nothing.
 */
import { isMainThread } from "node:worker_threads";
import { reportUsageOnRequest } from "./report-usage.mjs";

if (isMainThread && process.send !== undefined) reportUsageOnRequest();
