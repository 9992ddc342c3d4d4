import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../support/fixtures.js";

const run = promisify(execFile);
const example = join(projectRoot, "examples", "orders");

describe("examples/orders (the quick start's demo)", () => {
  it("runs generate and every invocation as the README says, with the bad SQS record in batchItemFailures", async () => {
    const { stdout } = await run(process.execPath, [join(example, "demo.mjs")], { cwd: projectRoot, timeout: 60_000 });
    assert.match(stdout, /kata generate: \d+ of 6 files written/);
    assert.match(stdout, /"itemIdentifier": "5f1c2a7e-3b4d-4c8e-9f01-2a3b4c5d6e02"/);
    assert.match(stdout, /SQS record body is not a valid OrderMessage/);
    assert.match(stdout, /\/Records\/1\/body\/quantity/);
    assert.match(stdout, /reserved 2 x sku-red-mug, sku-notebook for ord-1001/);
    assert.match(stdout, /reserved 1 x sku-lamp for ord-1003/);
    assert.match(stdout, /Order Placed: ord-0042 for cus-4711, 59\.90 EUR/);
    assert.match(stdout, /"statusCode": 201/);
    assert.match(stdout, /"statusCode": 400/);
    assert.match(stdout, /application\/problem\+json/);
    assert.match(stdout, /✓ demo: 5 steps as expected/);
  });

  it("type-checks against kata's published types (the example is its own project)", async () => {
    // demo.mjs links node_modules/kata as `npm install` would for "kata": "file:../.."; the test above ran it.
    const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");
    const result = await run(process.execPath, [tsc, "-p", example], { cwd: example }).catch((error: { stdout: string }) => error);
    assert.equal(result.stdout.trim(), "", "tsc -p examples/orders reported errors");
  });
});
