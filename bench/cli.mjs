#!/usr/bin/env node
/**
 * `npm run bench:cli`: how long each `kata` command takes from spawn to exit, in a copy of
 * examples/orders, against `node -e 0` (Node's own start) and, with `--against`, another build of
 * kata (e.g. a checkout of the previous commit), all alternating within each run.
 *
 *   node bench/cli.mjs [--runs 10] [--against /path/to/other/kata/dist/cli/bin.js]
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureBuilt, projectRoot } from "./lib/ensure-deps.mjs";
import { spawnNode } from "./lib/fresh-process.mjs";
import { writeResults } from "./lib/results.mjs";
import { median, summarize } from "./lib/stats.mjs";
import { formatRatio, formatTable } from "./lib/table.mjs";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "10" }, against: { type: "string" } } });
const RUNS = Number(args.runs);
ensureBuilt("dist/cli/bin.js", "dist/runtime/bin.js");

const COMMANDS = {
  "--version": ["--version"],
  events: ["events"],
  "invoke (an .mjs handler, the sqs sample)": ["invoke", "fn.handler", "--event", "sqs"],
  "invoke (examples/orders, TypeScript)": ["invoke", "src/order-placed.handler", "--event", "events/order-placed.json"],
  package: ["package", "src/process-orders.handler", "--out", "dist/sqs.zip"],
  "generate --check": ["generate", "--check"],
};

const project = mkdtempSync(join(tmpdir(), "kata-bench-cli-"));
for (const part of ["kata.config.json", "schemas", "src", "events"]) cpSync(join(projectRoot, "examples/orders", part), join(project, part), { recursive: true });
mkdirSync(join(project, "node_modules"));
symlinkSync(projectRoot, join(project, "node_modules", "kata"), "dir");
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "bench-cli", private: true, type: "module" }));
writeFileSync(join(project, "fn.mjs"), "export const handler = async (event) => ({ records: event.Records.length });\n");

const subjects = { node: ["-e", "0"], kata: [join(projectRoot, "dist/cli/bin.js")], ...(args.against ? { against: [resolve(args.against)] } : {}) };

try {
  console.log(`kata CLI benchmark on node ${process.version}: ${RUNS} runs, subjects alternating (${Object.keys(subjects).join(", ")})`);
  const figures = {};
  for (const [name, command] of Object.entries(COMMANDS)) {
    const ids = Object.keys(subjects);
    const samples = Object.fromEntries(ids.map((id) => [id, []]));
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[(run + k) % ids.length];
        samples[id].push(spawnNode(id === "node" ? subjects.node : [...subjects[id], ...command], { cwd: project }).wallMs);
      }
    }
    const paired = (a, b) => Number(median(samples[a].map((ms, i) => ms / samples[b][i])).toFixed(3));
    figures[name] = {
      args: command,
      ...Object.fromEntries(ids.map((id) => [`${id}Ms`, summarize(samples[id])])),
      kataAboveNodeMs: Number((median(samples.kata) - median(samples.node)).toFixed(1)),
      ...(args.against ? { kataOverAgainst: paired("kata", "against") } : {}),
    };
    process.stdout.write(".");
  }
  console.log();
  const rows = Object.entries(figures).map(([name, f]) => ({ name, node: f.nodeMs.median, kata: f.kataMs.median, above: f.kataAboveNodeMs, against: f.againstMs?.median, ratio: f.kataOverAgainst }));
  const ms = (v) => (v === undefined ? "" : `${v.toFixed(0)} ms`);
  console.log(formatTable([{ title: "command", key: "name" }, { title: "node -e 0", key: "node", format: ms }, { title: "kata", key: "kata", format: ms }, { title: "above node", key: "above", format: ms }, ...(args.against ? [{ title: "--against", key: "against", format: ms }, { title: "kata ÷ --against (same run)", key: "ratio", format: formatRatio }] : [])], rows));
  const file = writeResults("cli", { node: process.version, method: { runs: RUNS, statistic: "median of spawn → exit, wall clock; ratios per run, then median", against: args.against ? "another build of kata (--against)" : undefined }, commands: figures });
  console.log(`Results written to ${file}`);
} finally {
  rmSync(project, { recursive: true, force: true });
}
