#!/usr/bin/env node
/**
 * `npm run bench:cold`: spawn → first GET /next and spawn → first response of a function that
 * imports every built-in decoder, its first event a 10-record SQS batch: kata's loop, aws-lambda-ric,
 * the RIC with the Powertools parser (and with kata's decoders), unbundled and as `kata package`
 * bundles; `node -e 0` is the floor. All on the bench's Node 22, subjects alternating within each
 * run, against the mock Runtime API. Results: bench/results/cold-start.json.
 *
 *   node bench/cold-start.mjs [--quick] [--runs 15]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { coldStartSubjects } from "./cold-start/subjects.mjs";
import { benchNode } from "./lib/bench-node.mjs";
import { ensureBenchDependencies, ensureBuilt, projectRoot } from "./lib/ensure-deps.mjs";
import { writeResults } from "./lib/results.mjs";
import { ensureRicBuilt, kataBinBuild } from "./runtime/loops.mjs";
import { startMockApi } from "./runtime/mock-api.mjs";
import { spawnTable } from "./runtime/report.mjs";
import { alternateSpawns } from "./runtime/spawn-timing.mjs";
import { beyondFloorRatio, pairedRatio, pairedRatioRange, summarizeFields } from "./runtime/summary.mjs";

/** A subject as the results file shows it: without this machine's temporary paths. */
function published({ command, taskRoot, env, ...subject }) {
  return subject;
}

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false }, runs: { type: "string" } } });
const RUNS = Number(args.runs ?? (args.quick ? 6 : 15));

ensureBuilt("dist/runtime/bin.cjs", "dist/cli/bin.js", "dist/events.js");
ensureBenchDependencies();
const node = benchNode();
ensureRicBuilt();
const kataBin = kataBinBuild();
const event = JSON.stringify(JSON.parse(readFileSync(join(projectRoot, "test/fixtures/events/sqs/ten-records.json"), "utf8")));
const workDir = mkdtempSync(join(tmpdir(), "kata-bench-cold-"));
const api = await startMockApi(node.path);
try {
  console.log(`cold-start benchmark on node ${node.version}: packaging the function with kata package ...`);
  const { subjects, packages } = coldStartSubjects(node.path, workDir);
  process.stdout.write(`  ${RUNS} runs of ${Object.keys(subjects).length} fresh processes: `);
  const samples = await alternateSpawns(api, node.path, subjects, {
    runs: RUNS,
    event,
    expected: { batchItemFailures: [] },
    onRun: (run) => process.stdout.write(run % 5 === 0 || run === RUNS ? ` ${run}` : "."),
  });
  console.log();
  const ratio = (a, b, field) => ({ of: a, over: b, field, perRunMedian: pairedRatio(samples[a][field], samples[b][field]), perRunP25P75: pairedRatioRange(samples[a][field], samples[b][field]) });
  const beyondFloor = (a, b) => ({ of: a, over: b, floor: "node-poll", field: "firstPollMs", ofMedians: beyondFloorRatio(samples[a].firstPollMs, samples[b].firstPollMs, samples["node-poll"].firstPollMs) });
  const exampleSqsBundle = packages["sqs-ric-packaged"].files.find((file) => file.name === "index.mjs");
  const figures = {
    node: node.version,
    kataBin,
    method: { runs: RUNS, statistic: "median over runs; ratios taken within each run, then median", event: "sqs/ten-records.json", units: "ms" },
    baseline: "ric",
    subjects: Object.fromEntries(
      Object.entries(samples).map(([id, fields]) => [
        id,
        { ...published(subjects[id]), ...summarizeFields(fields), ...(fields.firstPollMs ? { firstPollOverBaseline: pairedRatio(fields.firstPollMs, samples.ric.firstPollMs) } : {}) },
      ]),
    ),
    // examples/orders' SQS function as `kata package` writes it for nodejs22.x: index.mjs, minified.
    bundle: { of: "examples/orders src/process-orders.handler", file: "index.mjs", bytes: exampleSqsBundle.bytes },
    packages: Object.fromEntries(Object.entries(packages).map(([id, { files, zipBytes }]) => [id, { zipBytes, files }])),
    ratios: {
      kataOverRicFirstPoll: ratio("kata", "ric", "firstPollMs"),
      kataOverRicBeyondFloor: { of: "kata", over: "ric", floor: "node-poll", field: "firstPollMs", ofMedians: beyondFloorRatio(samples.kata.firstPollMs, samples.ric.firstPollMs, samples["node-poll"].firstPollMs) },
      kataOverRicPowertoolsFirstResponse: ratio("kata", "ric-powertools", "firstResponseMs"),
      packagedOverUnbundledFirstResponse: ratio("kata-packaged", "kata", "firstResponseMs"),
      // The targets' pair: the same bundle under kata's bootstrap and under the RIC, both as Lambda starts them.
      sqsPackagedFirstPoll: ratio("sqs-kata-packaged", "sqs-ric-packaged-managed", "firstPollMs"),
      sqsPackagedFirstResponse: ratio("sqs-kata-packaged", "sqs-ric-packaged-managed", "firstResponseMs"),
      sqsPackagedBeyondFloor: beyondFloor("sqs-kata-packaged", "sqs-ric-packaged-managed"),
      // The same against the RIC started through a bootstrap script, as Lambda starts it (kata's row pays its own).
      sqsPackagedFirstPollViaBootstrap: ratio("sqs-kata-packaged", "sqs-ric-packaged-bootstrap", "firstPollMs"),
      sqsPackagedFirstResponseViaBootstrap: ratio("sqs-kata-packaged", "sqs-ric-packaged-bootstrap", "firstResponseMs"),
      sqsPackagedBeyondFloorViaBootstrap: beyondFloor("sqs-kata-packaged", "sqs-ric-packaged-bootstrap"),
      // The same against the RIC started without flags (`node index.mjs`), which Lambda never does.
      sqsPackagedFirstPollNoFlags: ratio("sqs-kata-packaged", "sqs-ric-packaged", "firstPollMs"),
      sqsPackagedFirstResponseNoFlags: ratio("sqs-kata-packaged", "sqs-ric-packaged", "firstResponseMs"),
      sqsPackagedBeyondFloorNoFlags: beyondFloor("sqs-kata-packaged", "sqs-ric-packaged"),
      // Stack traces on the managed runtime: kata-source-maps.mjs against Node's own source maps, and against none.
      managedStackMapperOverNodeSourceMapsFirstPoll: ratio("sqs-ric-packaged-managed", "sqs-ric-packaged-managed-node-source-maps", "firstPollMs"),
      managedStackMapperOverNodeSourceMapsFirstResponse: ratio("sqs-ric-packaged-managed", "sqs-ric-packaged-managed-node-source-maps", "firstResponseMs"),
      managedStackMapperOverNoSourcemapFirstPoll: ratio("sqs-ric-packaged-managed", "sqs-ric-packaged-managed-no-sourcemap", "firstPollMs"),
      managedStackMapperOverNoSourcemapFirstResponse: ratio("sqs-ric-packaged-managed", "sqs-ric-packaged-managed-no-sourcemap", "firstResponseMs"),
    },
  };
  console.log(`\nCold start, first event a 10-record SQS batch: medians of ${RUNS} runs\n\n${spawnTable(figures)}\n`);
  for (const [name, r] of Object.entries(figures.ratios)) console.log(`  ${name}: ${r.perRunMedian ?? r.ofMedians}${r.perRunP25P75 ? ` (runs' p25–p75 ${r.perRunP25P75.join("–")})` : ""}`);
  console.log(`  examples/orders SQS bundle: index.mjs ${figures.bundle.bytes} bytes\n`);
  const file = writeResults("cold-start", figures);
  console.log(`Results written to ${file}`);
} finally {
  api.close();
  rmSync(workDir, { recursive: true, force: true });
}
