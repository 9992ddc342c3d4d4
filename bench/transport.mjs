#!/usr/bin/env node
/**
 * Client CPU per invocation of the Runtime API pattern (GET /next returning ~1 KB of JSON with
 * Lambda-Runtime-* headers, then POST /response with a small body) over one keep-alive
 * connection, for:
 *   kata       runtime/transport/loopback-connection.ts
 *   node:http  http.request with a keep-alive Agent (what aws-lambda-ric-style loops do)
 *   fetch      the global fetch (undici)
 *   bare       a raw net.Socket with minimal framing: the floor any HTTP client sits on
 * The server runs in a child process so that its CPU is not counted. Clients alternate
 * (A B C D, A B C D, ...) so that drift in machine load hits them alike; medians are reported.
 *
 *   npm run build && node bench/transport.mjs [--rounds 7] [--invocations 3000]
 */
import { fork } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";

const NEXT = "/2018-06-01/runtime/invocation/next";
const RESULT = JSON.stringify({ statusCode: 200, body: "ok" });

if (process.argv[2] === "--serve") serve();
else await main();

function serve() {
  const event = JSON.stringify({ Records: [{ messageId: "m-1", body: "x".repeat(960), attributes: { ApproximateReceiveCount: "1" } }] });
  let sequence = 0;
  const server = http.createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Lambda-Runtime-Aws-Request-Id": `8476a536-e9f4-11e8-9739-${String(++sequence).padStart(12, "0")}`,
        "Lambda-Runtime-Deadline-Ms": String(Date.now() + 30_000),
        "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:bench",
        "Lambda-Runtime-Trace-Id": "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
        "Content-Length": Buffer.byteLength(event),
      });
      res.end(event);
    } else {
      req.resume();
      req.on("end", () => res.writeHead(202, { "Content-Type": "application/json", "Content-Length": 16 }).end('{"status":"OK"}\n'));
    }
  });
  server.keepAliveTimeout = 600_000;
  server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
  process.on("disconnect", () => process.exit(0));
}

async function main() {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const rounds = option("rounds", 7);
  const invocations = option("invocations", 3000);
  const { connectLoopback } = await import(new URL("../dist/runtime/transport/loopback-connection.js", import.meta.url).href).catch(() => {
    throw new Error("bench/transport.mjs: dist/ is missing; run `npm run build` first");
  });

  const server = fork(fileURLToPath(import.meta.url), ["--serve"]);
  const port = await new Promise((resolve) => server.once("message", resolve));
  const address = `127.0.0.1:${port}`;
  const clients = {
    kata: kataClient(connectLoopback(address)),
    "node:http": nodeHttpClient(port),
    fetch: fetchClient(address),
    bare: bareClient(port),
  };
  const results = Object.fromEntries(Object.keys(clients).map((name) => [name, { cpu: [], rate: [] }]));
  try {
    for (const invoke of Object.values(clients)) await run(invoke, 500); // warm up JIT and connections
    for (let round = 0; round < rounds; round++) {
      for (const [name, invoke] of Object.entries(clients)) {
        const { cpu, rate } = await run(invoke, invocations);
        results[name].cpu.push(cpu);
        results[name].rate.push(rate);
      }
    }
  } finally {
    server.disconnect();
  }
  report(results, rounds, invocations);
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

function report(results, rounds, invocations) {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const baseline = median(results["node:http"].cpu);
  console.log(`Runtime API pattern (GET /next ~1 KB + POST /response), ${rounds} rounds x ${invocations} invocations, medians`);
  console.log("client      CPU us/invocation   vs node:http   invocations/s   CPU per round");
  for (const [name, { cpu, rate }] of Object.entries(results)) {
    const cpuMedian = median(cpu);
    console.log(
      `${name.padEnd(11)} ${cpuMedian.toFixed(1).padStart(17)}   ${(cpuMedian / baseline).toFixed(2).padStart(11)}x   ${median(rate).toFixed(0).padStart(13)}   ${cpu.map((c) => c.toFixed(0)).join(" ")}`,
    );
  }
}
