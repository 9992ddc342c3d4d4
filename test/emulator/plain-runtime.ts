import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A minimal Runtime API client that knows nothing of kata: GET /next, then POST /response or
 * /error with node:http. The event's `action` says what to do, so that one script covers every case.
 * PLAIN_INIT=error posts /init/error and exits (so does PLAIN_INIT_UNLESS_MISSING=<file> while the
 * file exists); PLAIN_INIT=crash exits during init.
 */
const source = String.raw`
import http from "node:http";
const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const agent = new http.Agent({ keepAlive: true });

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const base = "/2018-06-01/runtime";
import { existsSync } from "node:fs";
if (process.env.PLAIN_INIT === "error" || (process.env.PLAIN_INIT_UNLESS_MISSING && existsSync(process.env.PLAIN_INIT_UNLESS_MISSING))) {
  await call("POST", base + "/init/error", JSON.stringify({ errorType: "Runtime.PlainInitError", errorMessage: "init failed on purpose" }), { "Lambda-Runtime-Function-Error-Type": "Runtime.PlainInitError" });
  process.exit(1);
}
if (process.env.PLAIN_INIT === "crash") process.exit(3);

const envNames = ["_HANDLER", "LAMBDA_TASK_ROOT", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION", "TZ", "AWS_LAMBDA_RUNTIME_API", "MY_SETTING"];

for (;;) {
  const next = await call("GET", base + "/invocation/next");
  const id = next.headers["lambda-runtime-aws-request-id"];
  const event = JSON.parse(next.body);
  const respond = (value) => call("POST", base + "/invocation/" + id + "/response", JSON.stringify(value));
  switch (event.action) {
    case "fail":
      await call("POST", base + "/invocation/" + id + "/error", JSON.stringify({ errorType: "Function.PlainError", errorMessage: event.message, stackTrace: ["at plain"] }),
        { "Lambda-Runtime-Function-Error-Type": "Function.PlainError" });
      break;
    case "sleep":
      await new Promise((r) => setTimeout(r, event.ms));
      await respond({ slept: event.ms });
      break;
    case "exit":
      process.exit(event.code);
    case "big":
      console.log("big response status " + (await respond("x".repeat(event.bytes))).status);
      break;
    case "log":
      console.log(event.line);
      await respond({ logged: true });
      break;
    case "log-after":
      await respond({ logged: "after" });
      console.log(event.line);
      await new Promise((r) => setTimeout(r, event.ms ?? 0));
      break;
    default:
      await respond({
        event,
        pid: process.pid,
        now: Date.now(),
        headers: next.headers,
        env: Object.fromEntries(envNames.map((n) => [n, process.env[n]])),
      });
  }
}
`;

/** Writes the plain runtime to a fresh temporary directory; `cleanup` removes it. */
export function writePlainRuntime(): { dir: string; script: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "kata-plain-runtime-"));
  const script = join(dir, "plain-runtime.mjs");
  writeFileSync(script, source);
  return { dir, script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
