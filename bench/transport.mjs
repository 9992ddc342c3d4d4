#!/usr/bin/env node
/**
 * Client CPU per invocation of the Runtime API pattern (GET /next returning ~1 KB of JSON with
 * Lambda-Runtime-* headers, then POST /response with a small body) over one keep-alive
 * connection, for:
 *   kata       runtime/transport/loopback-connection.ts
 *   node:http  http.request with a keep-alive Agent (what aws-lambda-ric-style loops do)
 *   fetch      the global fetch (undici)
 *   bare       a raw net.Socket with minimal framing: the floor any HTTP client sits on
 * The Runtime API is bench/runtime/server.mjs in a child process, so that its CPU is not counted.
 * Clients alternate (A B C D, A B C D, ...) so that drift in machine load hits them alike;
 * medians are reported, and ratios are taken within each round. Results: bench/results/transport.json.
 *
 *   npm run build && node bench/transport.mjs [--rounds 9] [--invocations 3000]
 */
import { once } from "node:events";
import { fork } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { ensureBuilt } from "./lib/ensure-deps.mjs";
import { writeResults } from "./lib/results.mjs";
import { median, summarize } from "./lib/stats.mjs";
import { formatRatio, formatTable } from "./lib/table.mjs";

const NEXT = "/2018-06-01/runtime/invocation/next";
const RESULT = JSON.stringify({ statusCode: 200, body: "ok" });

const LOOPBACK = "dist/runtime/transport/loopback-connection.js";
/** About 1 KB, as a small SQS event is. */
const EVENT = JSON.stringify({ Records: [{ messageId: "m-1", body: "x".repeat(960), attributes: { ApproximateReceiveCount: "1" } }] });

await main();

async function main() {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const rounds = option("rounds", 9);
  const invocations = option("invocations", 3000);
  ensureBuilt(LOOPBACK);
  const { connectLoopback } = await import(new URL(`../${LOOPBACK}`, import.meta.url).href);

  const server = fork(new URL("runtime/server.mjs", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [{ port }] = await once(server, "message");
  server.send({ type: "run", event: EVENT, checkpoints: [] });
  await once(server, "message"); // ready
  const address = `127.0.0.1:${port}`;
  const clients = {
    kata: kataClient(connectLoopback(address)),
    "node:http": nodeHttpClient(port),
    fetch: fetchClient(address),
    bare: bareClient(port),
  };
  const cpu = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
  const rate = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
  try {
    for (const invoke of Object.values(clients)) await run(invoke, 500); // warm up JIT and connections
    for (let round = 0; round < rounds; round++) {
      for (const [name, invoke] of Object.entries(clients)) {
        const figures = await run(invoke, invocations);
        cpu[name].push(figures.cpu);
        rate[name].push(figures.rate);
      }
    }
  } finally {
    server.kill();
  }
  report(cpu, rate, rounds, invocations);
  process.exit(0); // the keep-alive sockets of node:http and fetch would otherwise hold the process
}

async function run(invoke, n) {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 0; i < n; i++) await invoke();
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / n, rate: (n * 1000) / (performance.now() - wallStart) };
}

function kataClient(connection) {
  return async () => {
    const next = await connection.request("GET", NEXT);
    const id = next.headers["lambda-runtime-aws-request-id"];
    if (next.body.length < 1000) throw new Error("short event");
    await connection.request("POST", `/2018-06-01/runtime/invocation/${id}/response`, undefined, RESULT);
  };
}

function nodeHttpClient(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (method, path, body) =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path, agent }, (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end(body);
    });
  return async () => {
    const next = await send("GET", NEXT);
    if (next.body.length < 1000) throw new Error("short event");
    await send("POST", `/2018-06-01/runtime/invocation/${next.headers["lambda-runtime-aws-request-id"]}/response`, RESULT);
  };
}

function fetchClient(address) {
  const base = `http://${address}`;
  return async () => {
    const next = await fetch(base + NEXT);
    const body = new Uint8Array(await next.arrayBuffer());
    if (body.length < 1000) throw new Error("short event");
    const id = next.headers.get("lambda-runtime-aws-request-id");
    const posted = await fetch(`${base}/2018-06-01/runtime/invocation/${id}/response`, { method: "POST", body: RESULT });
    await posted.arrayBuffer();
  };
}

/** Raw socket, Content-Length framing only: what no general client can undercut. */
function bareClient(port) {
  let socket;
  let pending = Buffer.alloc(0);
  let done;
  const onData = (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const headEnd = pending.indexOf("\r\n\r\n");
    if (headEnd === -1) return;
    const head = pending.toString("latin1", 0, headEnd);
    const length = Number(/content-length: (\d+)/i.exec(head)[1]);
    if (pending.length < headEnd + 4 + length) return;
    const id = /lambda-runtime-aws-request-id: ([^\r]+)/i.exec(head)?.[1];
    pending = Buffer.alloc(0);
    done(id);
  };
  const send = (bytes) =>
    new Promise((resolve) => {
      done = resolve;
      socket.write(bytes);
    });
  const get = `GET ${NEXT} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
  return async () => {
    if (socket === undefined) {
      socket = net.connect({ port, host: "127.0.0.1", noDelay: true });
      socket.on("data", onData);
    }
    const id = await send(get);
    const path = `/2018-06-01/runtime/invocation/${id}/response`;
    await send(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${Buffer.byteLength(RESULT)}\r\n\r\n${RESULT}`);
  };
}

function report(cpu, rate, rounds, invocations) {
  const baseline = cpu["node:http"];
  // The machine is shared: a round's clients run back to back, so the ratio within each round is
  // steadier than the ratio of the medians when the load changes between rounds.
  const rows = Object.keys(cpu).map((client) => ({
    client,
    cpu: median(cpu[client]),
    ratio: median(cpu[client].map((c, round) => c / baseline[round])),
    rate: median(rate[client]),
    rounds: cpu[client].map((c) => c.toFixed(0)).join(" "),
  }));
  console.log(`Runtime API pattern (GET /next ~1 KB + POST /response), ${rounds} rounds x ${invocations} invocations, medians`);
  console.log(
    formatTable(
      [
        { title: "client", key: "client" },
        { title: "CPU µs/invocation", key: "cpu", format: (v) => v.toFixed(1) },
        { title: "vs node:http", key: "ratio", format: formatRatio },
        { title: "invocations/s", key: "rate", format: (v) => v.toFixed(0) },
        { title: "CPU µs per round", key: "rounds" },
      ],
      rows,
    ),
  );
  const file = writeResults("transport", {
    pattern: "GET /next (~1 KB JSON, Lambda-Runtime-* headers) + POST /response (small JSON), one keep-alive connection",
    rounds,
    invocationsPerRound: invocations,
    clients: Object.fromEntries(
      rows.map((row) => [row.client, { cpuMicrosPerInvocation: summarize(cpu[row.client]), cpuVsNodeHttp: Number(row.ratio.toFixed(2)), invocationsPerSecond: summarize(rate[row.client], 0) }]),
    ),
  });
  console.log(`results: ${file}`);
}
