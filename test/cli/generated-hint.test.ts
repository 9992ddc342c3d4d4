import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { utimesSync } from "node:fs";
import { join } from "node:path";
import { makeProject, runCli } from "./run-cli.js";

/** A handler whose generated module is missing or stale: kata names `kata generate`, not esbuild's "Could not resolve". */
const HANDLER = `import { onOrderMessage } from "./generated/order-message.js";
export const handler = onOrderMessage(async (order) => { console.log(order.orderId); });
`;
const project = makeProject(
  {
    "kata.config.json": JSON.stringify({ out: "src/generated", events: { OrderMessage: { source: "sqs", body: "./schemas/order.json" } } }),
    "schemas/order.json": JSON.stringify({ type: "object", required: ["orderId"], properties: { orderId: { type: "string" }, address: { $ref: "./shared/address.json" } } }),
    "schemas/shared/address.json": JSON.stringify({ type: "object", properties: { city: { type: "string" } } }),
    "src/orders.ts": HANDLER,
    "src/shipped.ts": `import { onOrderShipped } from "./generated/order-message.js";\nexport const handler = onOrderShipped;\n`,
    "event.json": JSON.stringify({ Records: [] }),
  },
  { kata: true },
);
after(() => project.remove());
const cwd = project.dir;

describe("kata invoke / package with a missing or stale generated module", () => {
  it("says the module is generated and names kata generate when it is missing", async () => {
    const expected = 'src/orders.ts:1:32: "./generated/order-message.js" is missing: kata generates it from kata.config.json into src/generated. Run kata generate first.';
    const invoke = await runCli(["invoke", "src/orders.handler", "--event", "event.json"], { cwd });
    assert.deepEqual([invoke.code, invoke.stderr], [1, `kata invoke: ${expected}\n`]);
    const pack = await runCli(["package", "src/orders.handler"], { cwd });
    assert.equal(pack.code, 1);
    assert.equal(pack.stderr.trimEnd().split("\n").at(-1), `kata package: ${expected}`);
  });

  it("runs once generated, warns when a schema is newer than the generated code, and names kata generate for a missing export", async () => {
    const generate = await runCli(["generate"], { cwd });
    assert.equal(generate.code, 0, generate.stderr);
    const fresh = await runCli(["invoke", "src/orders.handler", "--event", "event.json"], { cwd });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.doesNotMatch(fresh.stderr, /warning/);

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(cwd, "schemas/order.json"), later, later);
    const stale = await runCli(["invoke", "src/orders.handler", "--event", "event.json"], { cwd });
    assert.equal(stale.code, 0, stale.stderr);
    assert.match(stale.stderr, /^kata invoke: warning: schemas\/order\.json changed after src\/generated was generated; run kata generate so the types and decoders match it$/m);

    // A file that a schema reaches through $ref is an input too.
    const earlier = new Date(Date.now() - 3_600_000);
    utimesSync(join(cwd, "schemas/order.json"), earlier, earlier);
    const refLater = new Date(Date.now() + 120_000);
    utimesSync(join(cwd, "schemas/shared/address.json"), refLater, refLater);
    const staleRef = await runCli(["invoke", "src/orders.handler", "--event", "event.json"], { cwd });
    assert.equal(staleRef.code, 0, staleRef.stderr);
    assert.match(staleRef.stderr, /^kata invoke: warning: schemas\/shared\/address\.json changed after src\/generated was generated; run kata generate so the types and decoders match it$/m);

    const missingExport = await runCli(["invoke", "src/shipped.handler"], { cwd });
    assert.equal(missingExport.code, 1);
    assert.equal(missingExport.stderr.trimEnd().split("\n").at(-1), 'kata invoke: src/shipped.ts:1:10: src/generated/order-message.ts has no export "onOrderShipped": the generated code is stale or the entry is named differently in kata.config.json. Run kata generate.');
  });
});
