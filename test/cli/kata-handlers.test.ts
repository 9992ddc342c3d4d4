import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Emulator } from "../../emulator/emulator.js";
import { httpCall } from "../emulator/http-client.js";
import { projectRoot } from "../support/fixtures.js";
import { freePort, makeProject, runCli, RunningCli } from "./run-cli.js";
import { unzip } from "./unzip.js";

/**
 * The commands on a user project whose handlers are kata's typed wrappers (`kata/handlers`):
 * the built-in samples and the HTTP events that `serve --http` builds must pass kata's decoders.
 */
const project = makeProject(
  {
    "src/queue.ts": `import { onSQS } from "kata/handlers";
export const handler = onSQS(async (body) => {
  console.log("order", JSON.parse(body).orderId);
});
`,
    "src/api.ts": `import { onAPIGatewayProxyV2 } from "kata/handlers";
export const handler = onAPIGatewayProxyV2(async (event) => ({
  statusCode: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ path: event.rawPath, query: event.queryStringParameters ?? null, cookies: event.cookies ?? [] }),
}));
`,
  },
  { kata: true },
);
after(() => project.remove());
const cwd = project.dir;

describe("kata commands with kata's typed handlers", { concurrency: true }, () => {
  it("invoke decodes the built-in SQS sample with the typed SQS handler", async () => {
    const run = await runCli(["invoke", "src/queue.handler", "--event", "sqs"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { batchItemFailures: [] });
    assert.match(run.stderr, /\torder ord-1001\n/);
  });

  it("invoke reports kata's DecodeError when the event is of the wrong source", async () => {
    const run = await runCli(["invoke", "src/api.handler", "--event", "sqs"], { cwd });
    assert.equal(run.code, 1);
    assert.match(run.stderr.trimEnd().split("\n").at(-1)!, /: DecodeError: APIGatewayProxyEventV2 at \/version: is required but missing/);
  });

  it("serve --http builds HTTP API events that kata's apigw-v2 decoder accepts", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/api.handler", "--http", "--port", String(port)], cwd);
    try {
      await serve.waitForStderr(/is listening/);
      const reply = await httpCall(`http://127.0.0.1:${port}`, "GET", "/orders/ord-1?expand=items", { headers: { Cookie: "session=abc" } });
      assert.equal(reply.status, 200, reply.body);
      assert.deepEqual(JSON.parse(reply.body), { path: "/orders/ord-1", query: { expand: "items" }, cookies: ["session=abc"] });
    } finally {
      await serve.stop();
    }
  });

  it("package bundles kata into the function and the bootstrap runs it", { skip: existsSync(join(projectRoot, "dist/runtime/bin.js")) ? false : "kata's runtime is not built" }, async () => {
    const run = await runCli(["package", "src/queue.handler", "--runtime", "provided.al2023", "--out", "queue.zip"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const unpacked = makeProject({});
    for (const entry of unzip(readFileSync(join(cwd, "queue.zip")))) writeFileSync(join(unpacked.dir, entry.name), entry.data, { mode: entry.mode });
    const emulator = await Emulator.start({ command: [join(unpacked.dir, "bootstrap")], handler: "index.handler", taskRoot: unpacked.dir, logs: () => {} });
    try {
      const result = await emulator.invoke(readFileSync(join(projectRoot, "schemas/samples/sqs.json")));
      assert.equal(result.error, undefined, result.payload.toString());
      assert.deepEqual(JSON.parse(result.payload.toString()), { batchItemFailures: [] });
    } finally {
      await emulator.close();
      unpacked.remove();
    }
  });
});
