/**
 * The bench's Runtime API: a minimal node:http server in its own process (so that its CPU is not
 * the client's). The parent drives it over IPC:
 *   `run { event, checkpoints, concurrency?, pollers? }` sets the event and the checkpoints, and
 *     answers `ready`. `concurrency` caps the invocations handed out and not yet answered, as
 *     Lambda does (default: no cap); a `/next` over the cap waits for a response.
 *   At each checkpoint (a count of invocations handed out) no more are handed out; once every one
 *     has been answered and `pollers` long-polls are waiting (default 1), the server sends
 *     `checkpoint { served, at, since, latency, errors, firstResponse }` (`since`: the last
 *     `resume`), so that the parent reads the
 *     client's figures while it sits idle. `resume` hands out invocations again.
 *   `first-poll` and `first-response` mark the first `/next` and the first response of a run
 *     (`wallAt`: the wall clock, in ms, to compare with the parent's); `init-error` an init failure.
 * Latency is per invocation: from writing the `/next` answer to receiving its response.
 */
import http from "node:http";
import { quantile } from "../lib/stats.mjs";

const REQUEST_ID_PREFIX = "8476a536-e9f4-11e8-9739-";
const LATENCY_CAP = 1_000_000;

let run = newRun({ event: "", checkpoints: [] });

function newRun({ event, checkpoints, concurrency = Infinity, pollers = 1 }) {
  return {
    event: Buffer.from(event),
    checkpoints: [...checkpoints],
    concurrency,
    pollers,
    served: 0,
    answered: 0,
    errors: 0,
    paused: false,
    reported: false,
    resumedAt: performance.now(),
    waiting: [],
    handedOutAt: new Map(),
    latencies: [],
    firstResponse: undefined,
  };
}

const server = http.createServer((req, res) => {
  if (req.method === "GET") return onNext(res);
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    res.writeHead(202, { "Content-Type": "application/json", "Content-Length": 16 }).end('{"status":"OK"}\n');
    onResult(req.url, Buffer.concat(chunks));
  });
});

// GET /2018-06-01/runtime/invocation/next
function onNext(res) {
  if (run.served === 0 && run.waiting.length === 0) process.send({ type: "first-poll", at: performance.now(), wallAt: wallClock() });
  run.waiting.push(res);
  dispatch();
}

// POST /2018-06-01/runtime/invocation/{id}/response (or /error), POST /2018-06-01/runtime/init/error
function onResult(url, body) {
  const at = performance.now();
  if (url.endsWith("/init/error")) return process.send({ type: "init-error", body: body.toString("utf8") });
  const id = url.split("/")[4] ?? "";
  const handedOut = run.handedOutAt.get(id);
  if (handedOut === undefined) return; // a stale response from a run that was reset
  run.handedOutAt.delete(id);
  run.answered++;
  if (url.endsWith("/error")) run.errors++;
  if (run.latencies.length < LATENCY_CAP) run.latencies.push(at - handedOut);
  if (run.firstResponse === undefined) {
    run.firstResponse = body.toString("utf8");
    process.send({ type: "first-response", at, wallAt: wallClock(), body: run.firstResponse, error: url.endsWith("/error") });
  }
  dispatch();
}

/** Milliseconds since the epoch, sub-millisecond: comparable with another process's on the same machine. */
function wallClock() {
  return performance.timeOrigin + performance.now();
}

function inFlight() {
  return run.served - run.answered;
}

function dispatch() {
  while (run.waiting.length > 0 && !run.paused && inFlight() < run.concurrency) {
    if (run.checkpoints[0] === run.served) {
      run.checkpoints.shift();
      run.paused = true;
      break;
    }
    answer(run.waiting.shift());
  }
  if (run.paused && inFlight() === 0 && run.waiting.length >= run.pollers && !run.reported) {
    run.reported = true;
    const latencies = run.latencies;
    run.latencies = [];
    process.send({
      type: "checkpoint",
      served: run.served,
      at: performance.now(),
      since: run.resumedAt,
      errors: run.errors,
      firstResponse: run.firstResponse,
      latency: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), count: latencies.length },
    });
  }
}

function answer(res) {
  run.served++;
  const id = REQUEST_ID_PREFIX + String(run.served).padStart(12, "0");
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Lambda-Runtime-Aws-Request-Id": id,
    "Lambda-Runtime-Deadline-Ms": String(Date.now() + 30_000),
    "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:bench",
    "Lambda-Runtime-Trace-Id": "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
    "Content-Length": run.event.length,
  });
  res.end(run.event);
  run.handedOutAt.set(id, performance.now());
}

process.on("message", (message) => {
  if (message.type === "run") {
    for (const res of run.waiting) res.destroy();
    run = newRun(message);
    process.send({ type: "ready" });
  } else if (message.type === "resume") {
    run.paused = false;
    run.reported = false;
    run.resumedAt = performance.now();
    dispatch();
  }
});

server.keepAliveTimeout = 0;
server.listen(0, "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
process.on("disconnect", () => process.exit(0));
