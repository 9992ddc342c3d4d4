#!/usr/bin/env node
/**
 * kata's runtime loop against a plain node:http keep-alive loop, both polling the same fast
 * Runtime API (bench/runtime/server.mjs, its own process):
 *   - client CPU µs per invocation and invocations/s, for a trivial handler and for a 10-record
 *     SQS batch (kata decodes it with onSQS when dist/handlers is built);
 *   - RSS after 10k and 20k invocations;
 *   - spawn to first GET /next of `node dist/runtime/bin.js`, against a bare `node -e 0`.
 * Clients alternate within each round (A B C, B C A, ...) so that machine drift hits all alike;
 * medians are reported and written to bench/results/runtime.json.
 *
 *   npm run build && node bench/runtime.mjs [--rounds 3] [--cold 15] [--events trivial,sqs]
 */
import { fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, projectRoot } from "./lib/ensure-deps.mjs";
import { median, summarize } from "./lib/stats.mjs";
import { writeResults } from "./lib/results.mjs";
import { formatTable } from "./lib/table.mjs";

const here = (file) => fileURLToPath(new URL(`./runtime/${file}`, import.meta.url));
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = option("rounds", 3);
const COLD_RUNS = option("cold", 15);
const WARMUP = 1000;
const CHECKPOINTS = [WARMUP, 10_000, 20_000];

ensureBuilt("dist/runtime/start.js", "dist/runtime/bin.js", "dist/runtime/transport/node-http-connection.js");
const hasLoopback = existsSync(join(projectRoot, "dist/runtime/transport/loopback-connection.js"));
const sqsFixture = join(projectRoot, "test/fixtures/events/sqs/ten-records.json");
const allEvents = {
  trivial: JSON.stringify({ hello: "world" }),
  ...(existsSync(sqsFixture) ? { sqs: readFileSync(sqsFixture, "utf8") } : {}),
};
const eventsOption = process.argv.indexOf("--events");
const events = eventsOption === -1 ? allEvents : Object.fromEntries(process.argv[eventsOption + 1].split(",").map((name) => [name, allEvents[name]]));
const clients = {
  "plain node:http": (event) => [here("plain-client.mjs"), event],
  "kata (node:http)": (event) => [here("kata-client.mjs"), event, "node-http"],
  ...(hasLoopback ? { "kata (loopback)": (event) => [here("kata-client.mjs"), event, "loopback"] } : {}),
};

const server = fork(here("server.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
const { port } = await nextMessage(server, "listening");
const address = `127.0.0.1:${port}`;
const started = performance.now();
try {
  const steady = await measureSteadyState();
  const cold = await measureColdStart();
  report(steady, cold);
} finally {
  server.disconnect();
}

async function measureSteadyState() {
  const samples = {};
  const names = Object.keys(clients);
  for (let round = 0; round < ROUNDS; round++) {
    for (const eventName of Object.keys(events)) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length];
        const figures = await runClient(clients[name](eventName), events[eventName]);
        const into = ((samples[eventName] ??= {})[name] ??= { cpuUs: [], perSecond: [], rss10k: [], rss20k: [] });
        for (const key of Object.keys(into)) into[key].push(figures[key]);
      }
    }
    console.error(`bench: round ${round + 1}/${ROUNDS} done (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return samples;
}

/** One client process: WARMUP invocations, then CPU and wall time up to 20k, RSS at 10k and 20k. */
async function runClient([script, ...args], event) {
  server.send({ type: "run", event, checkpoints: CHECKPOINTS });
  await nextMessage(server, "ready");
  const child = fork(script, args, { env: { ...process.env, AWS_LAMBDA_RUNTIME_API: address }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const marks = [];
  for (let i = 0; i < CHECKPOINTS.length; i++) {
    const { at } = await nextMessage(server, "checkpoint");
    child.send({ type: "report" });
    const usage = await nextMessage(child, "usage");
    marks.push({ ...usage, at });
    if (i < CHECKPOINTS.length - 1) server.send({ type: "resume" });
  }
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  const measured = CHECKPOINTS.at(-1) - WARMUP;
  return {
    cpuUs: (marks[2].cpuUs - marks[0].cpuUs) / measured,
    perSecond: (measured * 1000) / (marks[2].at - marks[0].at),
    rss10k: marks[1].rss / 2 ** 20,
    rss20k: marks[2].rss / 2 ** 20,
  };
}

/**
 * Spawn to the first GET /next of kata-runtime (and of the plain loop), against `node -e 0` run to
 * exit. The bin is also measured as one esbuild bundle, to show what module loading costs.
 */
async function measureColdStart() {
  const bundleDir = mkdtempSync(join(tmpdir(), "kata-bench-bin-"));
  const bundle = await bundleBin(join(bundleDir, "bin.mjs"));
  const subjects = {
    "node -e 0 (to exit)": { args: ["-e", "0"], until: "exit" },
    "kata-runtime bin": { args: [join(projectRoot, "dist/runtime/bin.js"), "trivial.handler"], until: "poll" },
    ...(bundle ? { "kata-runtime bin, bundled": { args: [bundle, "trivial.handler"], until: "poll" } } : {}),
    "plain node:http loop": { args: [here("plain-client.mjs"), "trivial"], until: "poll" },
  };
  try {
    return await alternateSpawns(subjects);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

async function bundleBin(outfile) {
  try {
    const { build } = await import("esbuild");
    await build({ entryPoints: [join(projectRoot, "dist/runtime/bin.js")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "silent" });
    return outfile;
  } catch (error) {
    console.error(`bench: could not bundle the bin with esbuild (${error.message}); measuring dist/ only`);
    return undefined;
  }
}

async function alternateSpawns(subjects) {
  const samples = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
  const names = Object.keys(subjects);
  for (let run = 0; run < COLD_RUNS; run++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(run + k) % names.length];
      samples[name].push(await spawnUntil(subjects[name]));
    }
  }
  return samples;
}

async function spawnUntil({ args, until }) {
  server.send({ type: "run", event: allEvents.trivial, checkpoints: [0] });
  await nextMessage(server, "ready");
  const env = { ...process.env, AWS_LAMBDA_RUNTIME_API: address, LAMBDA_TASK_ROOT: here("handlers") };
  const start = performance.now();
  // stdio "ignore" and no IPC channel: the child starts exactly as Lambda would start it.
  const child = spawn(process.execPath, args, { env, stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (until === "exit") await exited;
  else await nextMessage(server, "first-poll");
  const elapsed = performance.now() - start;
  child.kill("SIGKILL");
  await exited;
  return elapsed;
}

function nextMessage(process_, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.type !== type) return;
      process_.off("message", onMessage);
      process_.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code) => reject(new Error(`bench: a child exited (code ${code}) while waiting for "${type}"`));
    process_.on("message", onMessage);
    process_.once("exit", onExit);
  });
}

function report(steady, cold) {
  const rows = [];
  const figures = { steadyState: {}, coldStart: {} };
  for (const [eventName, byClient] of Object.entries(steady)) {
    const baseline = median(byClient["plain node:http"].cpuUs);
    for (const [name, s] of Object.entries(byClient)) {
      const cpu = median(s.cpuUs);
      rows.push({ event: eventName, client: name, cpu, ratio: cpu / baseline, rate: median(s.perSecond), rss10k: median(s.rss10k), rss20k: median(s.rss20k) });
      (figures.steadyState[eventName] ??= {})[name] = {
        clientCpuUsPerInvocation: summarize(s.cpuUs, 2),
        cpuVsPlainNodeHttp: Number((cpu / baseline).toFixed(3)),
        invocationsPerSecond: summarize(s.perSecond, 0),
        rssMiBAfter10k: summarize(s.rss10k, 1),
        rssMiBAfter20k: summarize(s.rss20k, 1),
      };
    }
  }
  console.log(`\nSteady state: ${CHECKPOINTS.at(-1) - WARMUP} invocations after ${WARMUP} of warm-up, ${ROUNDS} rounds (medians)\n`);
  console.log(
    formatTable(
      [
        { title: "event", key: "event" },
        { title: "client", key: "client" },
        { title: "client CPU / invocation", key: "cpu", format: (v) => `${v.toFixed(1)} µs` },
        { title: "vs plain", key: "ratio", format: (v) => `${v.toFixed(2)}×` },
        { title: "invocations/s", key: "rate", format: (v) => v.toFixed(0) },
        { title: "RSS @10k", key: "rss10k", format: (v) => `${v.toFixed(1)} MiB` },
        { title: "RSS @20k", key: "rss20k", format: (v) => `${v.toFixed(1)} MiB` },
      ],
      rows,
    ),
  );
  const bare = median(cold["node -e 0 (to exit)"]);
  const coldRows = Object.entries(cold).map(([name, values]) => ({ name, ms: median(values), over: median(values) - bare }));
  for (const [name, values] of Object.entries(cold)) figures.coldStart[name] = { ms: summarize(values, 1), overBareMs: Number((median(values) - bare).toFixed(1)) };
  console.log(`\nCold start: spawn to first GET /next (node -e 0: spawn to exit), ${COLD_RUNS} runs (medians)\n`);
  console.log(
    formatTable(
      [
        { title: "process", key: "name" },
        { title: "time", key: "ms", format: (v) => `${v.toFixed(1)} ms` },
        { title: "over node -e 0", key: "over", format: (v) => `${v >= 0 ? "+" : ""}${v.toFixed(1)} ms` },
      ],
      coldRows,
    ),
  );
  figures.sqsDecoder = "see bench/runtime/handlers.mjs: kata uses onSQS when dist/handlers/builtin.js exists";
  const file = writeResults("runtime", { rounds: ROUNDS, warmup: WARMUP, invocations: CHECKPOINTS.at(-1), ...figures });
  console.log(`\nwrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
