import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readSample } from "../../emulator/samples.js";
import { httpCall } from "../emulator/http-client.js";
import { freePort, makeProject, runCli, RunningCli } from "./run-cli.js";

/** `kata serve --watch` regenerates when a schema or kata.config.json changes, then reloads. */
const schema = (required: string[]) => JSON.stringify({ type: "object", required, properties: { orderId: { type: "string" }, quantity: { type: "integer" } } });
const project = makeProject(
  {
    "kata.config.json": JSON.stringify({ out: "src/generated", events: { OrderMessage: { source: "sqs", body: "./schemas/order.json" } } }),
    "schemas/order.json": schema(["orderId"]),
    "src/orders.ts": `import { onOrderMessage } from "./generated/order-message.js";\nexport const handler = onOrderMessage(async () => {});\n`,
  },
  { kata: true },
);
after(() => project.remove());
const cwd = project.dir;
const INVOKE = "/2015-03-31/functions/function/invocations";

describe("kata serve --watch and generated code", () => {
  it("runs kata generate when the schema changes, and the reloaded function decodes with the new schema", async () => {
    assert.equal((await runCli(["generate"], { cwd })).code, 0);
    const event = JSON.parse(readSample("sqs"));
    event.Records[0].body = JSON.stringify({ orderId: "ord-1" });
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/orders.handler", "--watch", "--port", String(port)], cwd);
    const failures = async (): Promise<unknown[] | undefined> => {
      const reply = await httpCall(`http://127.0.0.1:${port}`, "POST", INVOKE, { body: JSON.stringify(event) });
      try {
        return JSON.parse(reply.body).batchItemFailures;
      } catch {
        return undefined;
      }
    };
    try {
      await serve.waitForStderr(/is listening/);
      assert.deepEqual(await failures(), []);
      writeFileSync(join(cwd, "schemas/order.json"), schema(["orderId", "quantity"]));
      await serve.waitForStderr(/kata serve: schemas\/order\.json changed; running kata generate\n/);
      await serve.waitForStderr(/kata serve: kata generate: \d+ of \d+ files written\n/);
      await serve.waitForStderr(/changed; restarting the function/);
      assert.match(readFileSync(join(cwd, "src/generated/kata-types.ts"), "utf8"), /^  quantity: number$/m);
      // Until the restarted function answers, an invocation may meet the old one (no failures) or
      // the restart itself (an error body without batchItemFailures): poll until the new one does.
      const expected = [{ itemIdentifier: event.Records[0].messageId }];
      const until = Date.now() + 10_000;
      let now = await failures();
      while (!(Array.isArray(now) && now.length > 0) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await failures();
      }
      assert.deepEqual(now, expected);

      writeFileSync(join(cwd, "kata.config.json"), "{ not json");
      await serve.waitForStderr(/kata serve: kata\.config\.json changed; running kata generate\nkata serve: kata generate: .*kata\.config\.json.*\(the previous code keeps running\)\n/);
      assert.deepEqual(await failures(), [{ itemIdentifier: event.Records[0].messageId }], "the function still runs");
    } finally {
      await serve.stop();
    }
  });

  it("exits on SIGTERM that arrives while --watch restarts the function (no watcher left behind)", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/orders.handler", "--watch", "--port", String(port)], cwd);
    await serve.waitForStderr(/is listening/);
    const file = join(cwd, "src/orders.ts");
    writeFileSync(file, readFileSync(file, "utf8") + "// touched\n");
    await serve.waitForStderr(/src\/orders\.ts changed; restarting the function/);
    const code = await Promise.race([serve.stop(), new Promise((resolve) => setTimeout(() => resolve("still running after 5 s"), 5000))]);
    if (code !== 0) await serve.stop("SIGKILL");
    assert.equal(code, 0);
  });
});
