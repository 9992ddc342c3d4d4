/**
 * The bench's Runtime API: a minimal node:http server in its own process (so that its CPU is not
 * the client's). The parent drives it over IPC: `run` sets the event and the checkpoints; at each
 * checkpoint the next `/next` is held until the parent says `resume`, so that the parent reads the
 * client's figures while the client sits idle in its long-poll.
 */
import http from "node:http";

let event = Buffer.alloc(0);
let checkpoints = [];
let served = 0;
let held;
let sequence = 0;

const server = http.createServer((req, res) => {
  if (req.method !== "GET") {
    req.resume();
    req.on("end", () => res.writeHead(202, { "Content-Type": "application/json", "Content-Length": 16 }).end('{"status":"OK"}\n'));
    return;
  }
  if (served === 0) process.send({ type: "first-poll", at: performance.now() });
  if (checkpoints[0] === served) {
    checkpoints.shift();
    held = res;
    process.send({ type: "checkpoint", served, at: performance.now() });
    return;
  }
  answer(res);
});

function answer(res) {
  served++;
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Lambda-Runtime-Aws-Request-Id": `8476a536-e9f4-11e8-9739-${String(++sequence).padStart(12, "0")}`,
    "Lambda-Runtime-Deadline-Ms": String(Date.now() + 30_000),
    "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:bench",
    "Lambda-Runtime-Trace-Id": "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
    "Content-Length": event.length,
  });
  res.end(event);
}

process.on("message", (message) => {
  if (message.type === "run") {
    event = Buffer.from(message.event);
    checkpoints = [...message.checkpoints];
    served = 0;
    held?.destroy();
    held = undefined;
    process.send({ type: "ready" });
  } else if (message.type === "resume") {
    const res = held;
    held = undefined;
    answer(res);
  }
});

server.keepAliveTimeout = 0;
server.listen(0, "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
process.on("disconnect", () => process.exit(0));
