import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { benchDir } from "../lib/ensure-deps.mjs";
import { machineInfo } from "../lib/machine.mjs";
import { evaluateTargets } from "./targets.mjs";

const resultsDir = join(benchDir, "results");
const PARTS = { decode: "decode.json", runtime: "runtime.json", coldStart: "cold-start.json", http: "http.json" };

function readPart(file) {
  const path = join(resultsDir, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}

/**
 * `bench/results/latest.json`: the three parts' raw figures (from their own results files) in one
 * document with the machine, the Node version they ran on, the date and the targets. `ranNow`
 * names the parts this `npm run bench` ran; the others are carried over with their own dates.
 */
export function writeLatest({ node, mode, ranNow }) {
  const parts = Object.fromEntries(Object.entries(PARTS).map(([key, file]) => [key, readPart(file)]).filter(([, value]) => value));
  const { machine } = parts.decode ?? parts.runtime ?? parts.coldStart ?? { machine: machineInfo() };
  const document = {
    benchmark: "kata: npm run bench",
    date: new Date().toISOString(),
    mode,
    machine: { ...machine, node },
    parts: Object.fromEntries(Object.entries(parts).map(([key, part]) => [key, { date: part.date, node: part.node ?? part.machine.node, machine: part.machine, file: `bench/results/${PARTS[key]}`, ranNow: ranNow.includes(key) }])),
    targets: evaluateTargets(parts),
    ...Object.fromEntries(Object.entries(parts).map(([key, { benchmark, date, machine: _, ...figures }]) => [key, figures])),
  };
  const file = join(resultsDir, "latest.json");
  writeFileSync(file, JSON.stringify(document, null, 2) + "\n");
  return { file: relative(process.cwd(), file), document };
}
