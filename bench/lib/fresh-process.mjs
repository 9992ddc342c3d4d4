import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { summarize } from "./stats.mjs";

/** Runs `node <args>` to completion; the wall time includes process start and exit, as a cold start does. */
export function spawnNode(args, options = {}) {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: "utf8", ...options });
  const wallMs = performance.now() - start;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited with code ${child.status}:\n${child.stderr || child.stdout}`);
  }
  return { wallMs, stdout: child.stdout };
}

/**
 * Starts a fresh process per subject per run, alternating subjects within each run. A subject's
 * child may print one JSON object of its own timings (milliseconds) as its last stdout line; each
 * numeric field is summarized next to the wall time.
 *
 * @param subjects `{ name, args, cwd? }[]`
 * @returns `{ [name]: { wallMs, [field]: summary } }`
 */
export function runFreshAlternating(subjects, { runs = 10, onRun } = {}) {
  const samples = new Map(subjects.map((s) => [s.name, {}]));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(run + k) % subjects.length];
      const { wallMs, stdout } = spawnNode(subject.args, { cwd: subject.cwd });
      const fields = { wallMs, ...lastJsonLine(stdout) };
      const into = samples.get(subject.name);
      for (const [key, value] of Object.entries(fields)) if (typeof value === "number") (into[key] ??= []).push(value);
    }
    onRun?.(run + 1, runs);
  }
  const results = {};
  for (const [name, fields] of samples) {
    results[name] = Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, summarize(values, 2)]));
  }
  return results;
}

function lastJsonLine(stdout) {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  if (!line.startsWith("{")) return {};
  return JSON.parse(line);
}
