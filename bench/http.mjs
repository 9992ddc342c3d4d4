#!/usr/bin/env node
/**
 * `npm run bench:http`: the HTTP adapter's cost per request. The same Hono app answers the same
 * API Gateway (v1, v2) and ALB events through kata's `http(app)` and through Hono's own
 * `handle(app)` (`hono/aws-lambda`), in one process, implementations alternating within each
 * round, timed on CPU time. Results: bench/results/http.json.
 *
 *   node bench/http.mjs [--rounds 15] [--sample-ms 60]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { ensureBuilt, projectRoot } from "./lib/ensure-deps.mjs";
import { median, quantile } from "./lib/stats.mjs";
import { writeResults } from "./lib/results.mjs";
import { formatTable } from "./lib/table.mjs";

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "15" }, "sample-ms": { type: "string", default: "60" } } });
const ROUNDS = Number(args.rounds);
const SAMPLE_MS = Number(args["sample-ms"]);

ensureBuilt("dist/http/index.js");
const { http } = await import(join(projectRoot, "dist/http/index.js"));

const app = new Hono();
app.get("/orders/:id", (c) => c.json({ id: c.req.param("id"), status: "open" }));
app.get("/orders", (c) => c.json({ orders: [], next: c.req.query("after") ?? null }));
app.post("/orders", async (c) => c.json({ received: await c.req.json() }, 201));

const fixture = (source, name) => JSON.parse(readFileSync(join(projectRoot, "test/fixtures/events", source, `${name}.json`), "utf8"));
const EVENTS = {
  "apigw-v2 GET /orders/42": fixture("apigw-v2", "base"),
  "apigw-v2 POST /orders (JSON body)": fixture("apigw-v2", "post-json-body"),
  "apigw-v1 GET /orders/42": fixture("apigw-v1", "base"),
  "apigw-v1 POST /orders (JSON body)": fixture("apigw-v1", "post-json-body"),
  "alb GET /orders": fixture("alb", "base"),
};
const context = { awsRequestId: "bench", functionName: "bench", getRemainingTimeInMillis: () => 30_000 };
// stripStage: routes written without a REST API's stage, as Hono's handle() routes them.
const IMPLEMENTATIONS = { kata: http(app, { stripStage: true }), hono: handle(app) };

/** Both must answer each event alike (status, body) before anything is timed. */
for (const [name, event] of Object.entries(EVENTS)) {
  const [a, b] = await Promise.all(Object.values(IMPLEMENTATIONS).map((fn) => fn(structuredClone(event), context)));
  if (a.statusCode !== b.statusCode || a.body !== b.body) throw new Error(`bench: ${name}: kata answered ${a.statusCode} ${a.body}, Hono ${b.statusCode} ${b.body}`);
  if (a.statusCode >= 400) throw new Error(`bench: ${name}: both answered ${a.statusCode}; the app's routes do not match the fixture`);
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** `n` requests one after another (each awaited, as the runtime loop does), CPU time per request in µs. */
async function sample(fn, event, n) {
  const events = Array.from({ length: n }, () => structuredClone(event));
  const start = cpuMs();
  for (let i = 0; i < n; i++) await fn(events[i], context);
  return ((cpuMs() - start) * 1000) / n;
}

async function sizeSample(fn, event) {
  let n = 100;
  for (;;) {
    const perOp = await sample(fn, event, n);
    if (perOp * n >= SAMPLE_MS * 250) return Math.max(100, Math.round((SAMPLE_MS * 1000) / perOp));
    n *= 4;
  }
}

const rows = [];
const figures = { method: { rounds: ROUNDS, sampleMs: SAMPLE_MS, clock: "cpu", statistic: "median per-request CPU time over rounds; ratio taken within each round, then median" }, events: {} };
const names = Object.keys(IMPLEMENTATIONS);
for (const [name, event] of Object.entries(EVENTS)) {
  const sizes = {};
  for (const id of names) {
    await sample(IMPLEMENTATIONS[id], event, 2000); // warm-up
    sizes[id] = await sizeSample(IMPLEMENTATIONS[id], event);
  }
  const perOp = Object.fromEntries(names.map((id) => [id, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const id = names[(round + k) % names.length];
      perOp[id].push(await sample(IMPLEMENTATIONS[id], event, sizes[id]));
    }
  }
  const ratios = perOp.kata.map((kata, i) => kata / perOp.hono[i]);
  const result = {
    kataUs: Number(median(perOp.kata).toFixed(2)),
    honoUs: Number(median(perOp.hono).toFixed(2)),
    kataOverHono: Number(median(ratios).toFixed(3)),
    kataOverHonoP25P75: [quantile(ratios, 0.25), quantile(ratios, 0.75)].map((x) => Number(x.toFixed(3))),
  };
  figures.events[name] = result;
  rows.push({ name, ...result });
  process.stdout.write(`  ${name}: kata ${result.kataUs} µs, Hono ${result.honoUs} µs, ${result.kataOverHono}×\n`);
}
figures.worstKataOverHono = Math.max(...rows.map((row) => row.kataOverHono));
console.log(
  `\nHTTP adapter, CPU time per request, medians of ${ROUNDS} rounds (node ${process.version})\n\n` +
    formatTable(
      [
        { title: "event", key: "name" },
        { title: "kata http()", key: "kataUs", format: (v) => `${v.toFixed(1)} µs` },
        { title: "Hono handle()", key: "honoUs", format: (v) => `${v.toFixed(1)} µs` },
        { title: "kata ÷ Hono (same round)", key: "kataOverHono", format: (v) => `${v.toFixed(2)}×` },
        { title: "rounds' p25–p75", key: "kataOverHonoP25P75", format: (v) => v.map((x) => x.toFixed(2)).join("–") },
      ],
      rows,
    ),
);
console.log(`\nResults written to ${writeResults("http", figures)}`);
