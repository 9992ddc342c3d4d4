/*
 * `npm run bench:decode`: kata's generated decoders against JSON.parse alone, Powertools parser
 * with Zod, Ajv compiled at run time and hand-written guards, on the same events in one run; then
 * the cold-start side (import, compile, first decode) in fresh processes. See bench/README.md.
 *
 *   node bench/decode.mjs [--rounds 15] [--only sqs-10,eventbridge] [--cold-runs 10] [--no-cold]
 *                         [--realistic-rounds 31] [--no-realistic] [--no-streams] [--clock cpu|wall]
 *
 * Samples are timed on the process's CPU time by default, which a shared machine's load stretches
 * far less than the wall clock; `--clock wall` times them as before.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runAlternating, roundRatio } from "./lib/alternate.mjs";
import { benchDir, ensureBenchDependencies, ensureBuilt } from "./lib/ensure-deps.mjs";
import { runFreshAlternating } from "./lib/fresh-process.mjs";
import { machineInfo } from "./lib/machine.mjs";
import { writeResults } from "./lib/results.mjs";
import { loadCases } from "./decode/cases.mjs";
import { bytesTable, coldTable, rowFor, speedTable } from "./decode/report.mjs";
import { verifyPeers } from "./decode/verify.mjs";
import { fillsTable, realisticTable, runRealistic } from "./decode/realistic/run.mjs";
import { importCost, runStreams, streamsTable } from "./decode/streams/run.mjs";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "15" },
    only: { type: "string" },
    "cold-runs": { type: "string", default: "10" },
    "no-cold": { type: "boolean", default: false },
    "realistic-rounds": { type: "string", default: "31" },
    "no-realistic": { type: "boolean", default: false },
    "no-streams": { type: "boolean", default: false },
    clock: { type: "string", default: "cpu" },
  },
});

const TARGET_VS_JSON = 1.1;
const TARGET_VS_POWERTOOLS = 5;
/** Realistic events: kata's cost above JSON.parse at most this share of Powertools' cost above JSON.parse. */
const TARGET_VALIDATION_SHARE = 0.1;

ensureBuilt("dist/generated/index.js", "dist/test/generated/index.js");
ensureBenchDependencies();
const { jsonParse, jsonParseBytes } = await import("./decode/peers/json-parse.mjs");
const { loadKata } = await import("./decode/peers/kata.mjs");
const { powertools } = await import("./decode/peers/powertools.mjs");
const { compileAjv } = await import("./decode/peers/ajv.mjs");
const { guards } = await import("./decode/peers/guards.mjs");

const kata = await loadKata();
const ajv = compileAjv();
const cases = loadCases().filter((c) => !args.only || args.only.split(",").includes(c.id));
verifyPeers(
  {
    "JSON.parse": { decoders: jsonParse, validates: false },
    kata: { decoders: kata, validates: true },
    Powertools: { decoders: powertools, validates: true },
    Ajv: { decoders: ajv.decoders, validates: true },
    guards: { decoders: guards, validates: true },
  },
  cases,
);

const machine = machineInfo();
console.log(`decode benchmark: ${machine.cpuModel} × ${machine.cpuCount}, node ${machine.node}, load average ${loadavg()[0].toFixed(1)}; ${args.rounds} alternating rounds per event, ${args.clock === "cpu" ? "CPU time" : "wall clock"}\n`);

const rows = [];
for (const testCase of cases) {
  const { id, text, bytes } = testCase;
  process.stdout.write(`  ${testCase.title} ... `);
  const run = runAlternating(
    [
      { name: "json", fn: jsonParse[id], input: text },
      { name: "kata", fn: kata[id], input: text },
      { name: "powertools", fn: powertools[id], input: text },
      { name: "ajv", fn: ajv.decoders[id], input: text },
      { name: "guards", fn: guards[id], input: text },
      { name: "json-bytes", fn: jsonParseBytes[id], input: bytes },
      { name: "kata-bytes", fn: kata[id], input: bytes, baseline: "json-bytes" },
    ],
    { rounds: Number(args.rounds), baseline: "json", clock: args.clock },
  );
  const row = rowFor(testCase, { results: run.results, ratios: { powertoolsOverKata: roundRatio(run.samples, "powertools", "kata") } });
  rows.push({ ...row, figures: run.results, inputBytes: bytes.length });
  console.log(`kata ${row.kataRatio.toFixed(2)}× JSON.parse`);
}

console.log(`\nPer-operation median, string input (what /next gives once its bytes are decoded):\n\n${speedTable(rows)}\n`);
console.log(`Per-operation median, Uint8Array input:\n\n${bytesTable(rows)}\n`);

let realistic;
if (!args["no-realistic"]) {
  console.log(`Realistic events, envelope decoders (${args["realistic-rounds"]} alternating rounds per event):\n`);
  realistic = await runRealistic({ rounds: Number(args["realistic-rounds"]), only: args.only?.split(","), clock: args.clock });
  console.log(`\n${realisticTable(realistic)}\n`);
  console.log(`The validator alone on the parsed event, with the tolerant reader's fills and without (nothing to fill):\n\n${fillsTable(realistic)}\n`);
}

let streams;
let imports;
if (!args["no-streams"]) {
  console.log(`Typed stream batches against JSON.parse + base64 / unmarshalling (${args["realistic-rounds"]} alternating rounds each):\n`);
  streams = await runStreams({ rounds: Number(args["realistic-rounds"]), clock: args.clock });
  console.log(`\n${streamsTable(streams)}\n`);
  imports = importCost({ runs: Number(args["cold-runs"]) * 3 });
  for (const row of imports) console.log(`import ${row.source}: ${row.importMs} ms, ${row.aboveEmptyMs} ms above an empty module (medians of ${Number(args["cold-runs"]) * 3} fresh processes)`);
  console.log("");
}

const COLD_LABELS = {
  "node-bare": "node -e 0 (bare start-up)",
  "kata-builtin": "kata: dist/generated/index.js (5 built-in events)",
  "powertools-schemas-5": "Powertools: the same 5 event schemas",
  "powertools-schemas-all": "Powertools: all event schemas",
  "ajv-builtin": "Ajv: import + compile the 5 built-in schemas",
  "json-typed": "JSON.parse, typed SQS batch",
  "kata-typed": "kata: typed SQS module (test config)",
  "powertools-typed": "Powertools+Zod: typed events",
  "ajv-typed": "Ajv: compile + typed events",
  "guards-typed": "hand-written guards: typed events",
};
let cold;
if (!args["no-cold"]) {
  const child = join(benchDir, "decode", "cold-child.mjs");
  const subjects = Object.keys(COLD_LABELS).map((name) => ({ name, args: name === "node-bare" ? ["-e", "0"] : [child, name] }));
  process.stdout.write(`Fresh processes (${args["cold-runs"]} per subject, alternating) ... `);
  cold = runFreshAlternating(subjects, { runs: Number(args["cold-runs"]), onRun: (run) => process.stdout.write(`${run} `) });
  console.log(`\n\nCold start, medians:\n\n${coldTable(cold, COLD_LABELS)}\n`);
}

const typed = rows.filter((r) => cases.find((c) => c.id === r.id).typed);
const targets = {
  kataWithinJsonParse: { target: `≤ ${TARGET_VS_JSON}× JSON.parse`, met: typed.every((r) => r.kataRatio <= TARGET_VS_JSON), worst: Math.max(...typed.map((r) => r.kataRatio)) },
  kataVsPowertools: { target: `≥ ${TARGET_VS_POWERTOOLS}× faster than Powertools`, met: typed.every((r) => r.powertoolsOverKata >= TARGET_VS_POWERTOOLS), worst: Math.min(...typed.map((r) => r.powertoolsOverKata)) },
};
if (realistic?.length) {
  targets.realisticWithinJsonParse = { target: `≤ ${TARGET_VS_JSON}× JSON.parse`, met: realistic.every((r) => r.kataRatio <= TARGET_VS_JSON), worst: Math.max(...realistic.map((r) => r.kataRatio)) };
  // Judged on each validator alone on the parsed event; the end-to-end share subtracts two medians
  // that each carry JSON.parse's noise, which is larger than kata's whole validation on small events.
  targets.realisticValidationShare = {
    target: `validation above JSON.parse ≤ ${TARGET_VALIDATION_SHARE} of Powertools' (validators alone on the parsed event)`,
    met: realistic.every((r) => r.validationAloneShareOfPowertools <= TARGET_VALIDATION_SHARE),
    worst: Math.max(...realistic.map((r) => r.validationAloneShareOfPowertools)),
  };
  targets.realisticValidationShareEndToEnd = {
    target: `the same share from end-to-end decodes minus JSON.parse (reported, noisy)`,
    worst: Math.max(...realistic.map((r) => r.validationShareOfPowertools)),
  };
  targets.fillsOverhead = { target: "validator with fills ÷ without, complete events (no target: reported)", worst: Math.max(...realistic.map((r) => r.fillsOverhead)) };
  console.log(`Realistic events: ${targets.realisticValidationShareEndToEnd.target}: worst ${targets.realisticValidationShareEndToEnd.worst.toFixed(3)}`);
  for (const key of ["realisticWithinJsonParse", "realisticValidationShare"]) {
    const t = targets[key];
    console.log(`Realistic events: ${t.target}: ${t.met ? "met" : "NOT met"} (worst ${t.worst.toFixed(3)})`);
  }
  console.log(`Realistic events: validator with fills ÷ without, worst ${targets.fillsOverhead.worst.toFixed(2)}×`);
}
if (streams?.length) {
  targets.streamsValidationShare = {
    target: `stream batches: validation above the baseline ≤ ${TARGET_VALIDATION_SHARE} of Powertools'`,
    met: streams.every((r) => r.validationShareOfPowertools <= TARGET_VALIDATION_SHARE),
    worst: Math.max(...streams.map((r) => r.validationShareOfPowertools)),
  };
  // Judged on the package as installed (node_modules, one file per module) and as `kata package` bundles it.
  targets.importOneSource = { target: "import kata/events/<one source>, installed or bundled, < 3 ms above an empty module", met: imports.every((r) => r.aboveEmptyMs < 3), worst: Math.max(...imports.map((r) => r.aboveEmptyMs)) };
  for (const key of ["streamsValidationShare", "importOneSource"]) console.log(`${targets[key].target}: ${targets[key].met ? "met" : "NOT met"} (worst ${targets[key].worst})`);
}
console.log(`Targets on the typed events: kata ${targets.kataWithinJsonParse.target}: ${targets.kataWithinJsonParse.met ? "met" : "NOT met"} (worst ${targets.kataWithinJsonParse.worst.toFixed(2)}×); ` +
  `${targets.kataVsPowertools.target}: ${targets.kataVsPowertools.met ? "met" : "NOT met"} (worst ${targets.kataVsPowertools.worst.toFixed(2)}×)`);

if (args.only) {
  console.log("Partial run (--only): bench/results/decode.json left as it was.");
  process.exit(0);
}
const file = writeResults("decode", {
  method: { rounds: Number(args.rounds), realisticRounds: Number(args["realistic-rounds"]), clock: args.clock, loadAverage: loadavg()[0], sampleMs: 30, statistic: "median; ratios per round, then median", units: { events: "ns per operation", cold: "ms" }, coldRuns: Number(args["cold-runs"]) },
  ajvCompileMsInProcess: Number(ajv.compileMs.toFixed(2)),
  events: rows,
  realistic: realistic?.map(({ figures, ...row }) => row),
  streams,
  imports,
  cold,
  targets,
});
console.log(`Results written to ${file}`);
