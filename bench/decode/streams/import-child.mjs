/*
 * One fresh process of the import-cost measurement: `node bench/decode/streams/import-child.mjs <source|empty>`.
 * `kata/events/<source>` is `dist/generated/<source>.js` (package.json exports); this file is outside
 * kata's package, so it imports that file. Prints the milliseconds the dynamic import took.
 */
import { performance } from "node:perf_hooks";

const subject = process.argv[2];
const specifier = new URL(subject === "empty" ? "./empty.mjs" : `../../../dist/generated/${subject}.js`, import.meta.url).href;
const start = performance.now();
await import(specifier);
process.stdout.write(String(performance.now() - start));
