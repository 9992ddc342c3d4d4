import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runAlternating } from "../../lib/alternate.mjs";
import { benchDir, projectRoot } from "../../lib/ensure-deps.mjs";
import { median } from "../../lib/stats.mjs";
import { formatDuration, formatRatio, formatTable } from "../../lib/table.mjs";
import { dynamodbBatch, kinesisBatch } from "./events.mjs";

/*
 * Typed stream batches: kata's decodeNameEvent and the Powertools parser's KinesisEnvelope and
 * DynamoDBStreamEnvelope beside the unavoidable work (JSON.parse, base64 and JSON.parse of each
 * record's data; JSON.parse and unmarshalling each NewImage, with kata's unmarshaller), in one
 * alternating run. A peer's validation cost is its time above that baseline.
 */
const fromRoot = (file) => pathToFileURL(join(projectRoot, file)).href;

async function peers() {
  const typed = { ...(await import(fromRoot("dist/test/generated/index.js"))), ...(await import(fromRoot("dist/test/generated/sources/index.js"))) };
  const { unmarshallItem } = await import(fromRoot("dist/runtime/decode/dynamodb-unmarshall.js"));
  const { parse } = await import("@aws-lambda-powertools/parser");
  const { KinesisEnvelope, DynamoDBStreamEnvelope } = await import("@aws-lambda-powertools/parser/envelopes");
  const { OrderMessage, OrderItem } = await import("../peers/zod-payloads.mjs");
  return {
    kinesis: {
      baseline: (text) => {
        const event = JSON.parse(text);
        for (const record of event.Records) record.kinesis.data = JSON.parse(Buffer.from(record.kinesis.data, "base64").toString("utf8"));
        return event;
      },
      kata: typed.decodeOrderStreamEvent,
      powertools: (text) => parse(JSON.parse(text), KinesisEnvelope, OrderMessage),
    },
    dynamodb: {
      baseline: (text) => {
        const event = JSON.parse(text);
        for (const record of event.Records) record.dynamodb.NewImage = unmarshallItem(record.dynamodb.NewImage, "OrderItem");
        return event;
      },
      kata: typed.decodeOrderItemEvent,
      powertools: (text) => parse(JSON.parse(text), DynamoDBStreamEnvelope, OrderItem),
    },
  };
}

const CASES = [
  { id: "kinesis-100", title: "Kinesis, 100 records, typed data", peers: "kinesis", event: kinesisBatch },
  { id: "dynamodb-100", title: "DynamoDB Streams, 100 records, typed NewImage", peers: "dynamodb", event: dynamodbBatch },
];

/** Every validating peer accepts the batch and rejects the broken copy, so that all do the same work. */
function verify(id, decoders, { text, broken }) {
  for (const [name, decode] of Object.entries(decoders)) {
    decode(text);
    if (name === "baseline") continue;
    let rejected = false;
    try {
      decode(broken);
    } catch {
      rejected = true;
    }
    if (!rejected) throw new Error(`bench: ${name} accepts the broken ${id} batch`);
  }
}

export async function runStreams({ rounds, clock = "cpu" }) {
  const all = await peers();
  const rows = [];
  for (const c of CASES) {
    const decoders = all[c.peers];
    const batch = c.event();
    verify(c.id, decoders, batch);
    process.stdout.write(`  ${c.title} ... `);
    const { results: r } = runAlternating(
      Object.entries(decoders).map(([name, fn]) => ({ name, fn, input: batch.text })),
      { rounds, clock, baseline: "baseline" },
    );
    const row = {
      id: c.id,
      title: c.title,
      bytes: batch.text.length,
      baseline: r.baseline.perOpNs.median,
      kata: r.kata.perOpNs.median,
      kataRatio: r.kata.ratio,
      powertools: r.powertools.perOpNs.median,
      powertoolsRatio: r.powertools.ratio,
      validationShareOfPowertools: Number((Math.max(r.kata.ratio - 1, 0) / (r.powertools.ratio - 1)).toFixed(3)),
    };
    rows.push(row);
    console.log(`kata ${row.kataRatio.toFixed(2)}× baseline, validation ${row.validationShareOfPowertools} of Powertools'`);
  }
  return rows;
}

export function streamsTable(rows) {
  return formatTable(
    [
      { title: "batch", key: "title" },
      { title: "bytes", key: "bytes", format: String },
      { title: "baseline", key: "baseline", format: formatDuration },
      { title: "kata", key: "kata", format: formatDuration },
      { title: "kata ÷ baseline", key: "kataRatio", format: formatRatio },
      { title: "Powertools", key: "powertools", format: formatDuration },
      { title: "Powertools ÷ baseline", key: "powertoolsRatio", format: formatRatio },
      { title: "validation: kata ÷ Powertools", key: "validationShareOfPowertools", format: (v) => v.toFixed(3) },
    ],
    rows,
  );
}

export function importsTable(rows) {
  const ms = (v) => `${v} ms`;
  return formatTable([{ title: "module", key: "source" }, { title: "import", key: "importMs", format: ms }, { title: "empty module", key: "emptyMs", format: ms }, { title: "above empty", key: "aboveEmptyMs", format: ms }], rows);
}

/**
 * What `import("kata/events/<source>")` (`dist/generated/<source>.js`) costs a function that needs
 * one source: fresh processes, alternating with an empty module, timing the import alone inside
 * each; as compiled (one file per module, as \`node\` runs the package) and bundled into one file by
 * esbuild (as \`kata package\` deploys it). The figure is the median of the differences per round.
 */
export function importCost({ runs = 31, sources = ["kinesis", "dynamodb"] } = {}) {
  const child = join(benchDir, "decode", "streams", "import-child.mjs");
  const dir = mkdtempSync(join(tmpdir(), "kata-import-"));
  const { buildSync } = createRequire(join(projectRoot, "package.json"))("esbuild");
  const files = { empty: join(benchDir, "decode", "streams", "empty.mjs") };
  for (const source of sources) {
    files[source] = join(projectRoot, "dist", "generated", `${source}.js`);
    files[`${source} (bundled)`] = join(dir, `${source}.mjs`);
    buildSync({ entryPoints: [files[source]], bundle: true, format: "esm", platform: "node", outfile: files[`${source} (bundled)`], logLevel: "warning" });
  }
  const subjects = Object.keys(files);
  const times = Object.fromEntries(subjects.map((s) => [s, []]));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(run + k) % subjects.length];
      const out = spawnSync(process.execPath, [child, files[subject]], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`bench: import of ${subject} failed: ${out.stderr}`);
      times[subject].push(Number(out.stdout));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return subjects
    .filter((subject) => subject !== "empty")
    .map((subject) => ({
      source: `kata/events/${subject}`,
      importMs: Number(median(times[subject]).toFixed(2)),
      emptyMs: Number(median(times.empty).toFixed(2)),
      aboveEmptyMs: Number(median(times[subject].map((ms, i) => ms - times.empty[i])).toFixed(2)),
    }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rounds = Number(process.argv[2] ?? 21);
  const rows = await runStreams({ rounds });
  console.log(`\n${streamsTable(rows)}\n`);
  const imports = importCost();
  console.log(importsTable(imports));
}
