/**
 * The baseline: the plain node:http keep-alive loop a hand-written custom runtime would use
 * (JSON.parse the event, JSON.stringify the result; no error handling, no context). It loads
 * `_HANDLER` (module.export, .mjs) from `LAMBDA_TASK_ROOT` as the other loops do, and runs
 * `AWS_LAMBDA_MAX_CONCURRENCY` loops at once (default 1), each on its own socket.
 */
import http from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [moduleName, exportName] = process.env._HANDLER.split(".");
const handler = (await import(pathToFileURL(join(process.env.LAMBDA_TASK_ROOT, `${moduleName}.mjs`)).href))[exportName];
const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const concurrency = Number(process.env.AWS_LAMBDA_MAX_CONCURRENCY ?? 1);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function loop() {
  for (;;) {
    const next = await send("GET", "/2018-06-01/runtime/invocation/next");
    const requestId = next.headers["lambda-runtime-aws-request-id"];
    const result = await handler(JSON.parse(next.text), { awsRequestId: requestId });
    await send("POST", `/2018-06-01/runtime/invocation/${requestId}/response`, JSON.stringify(result));
  }
}

await Promise.all(Array.from({ length: concurrency }, loop));
