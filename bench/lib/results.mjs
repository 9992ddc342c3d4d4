import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { machineInfo } from "./machine.mjs";

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");

/** Writes `bench/results/<name>.json` with the machine and date, so figures can be compared across runs. */
export function writeResults(name, figures) {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  const document = { benchmark: name, date: new Date().toISOString(), machine: machineInfo(), ...figures };
  writeFileSync(file, JSON.stringify(document, null, 2) + "\n");
  return relative(process.cwd(), file);
}
