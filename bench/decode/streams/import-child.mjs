/*
 * One fresh process of the import-cost measurement: `node bench/decode/streams/import-child.mjs <file>`.
 * Prints the milliseconds the dynamic import of that file took.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const specifier = pathToFileURL(process.argv[2]).href;
const start = performance.now();
await import(specifier);
process.stdout.write(String(performance.now() - start));
