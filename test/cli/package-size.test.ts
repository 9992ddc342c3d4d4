import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../support/fixtures.js";
import { makeProject, runCli } from "./run-cli.js";
import { unzip } from "./unzip.js";

/**
 * Bundle size of examples/orders' SQS function, packaged as a user packages it. A draft 2020-12
 * schema elsewhere in the config once put every validator of the config into every function.
 */
// Issue 14's target: 16 kB (16,384 bytes). The function is 16,311 bytes, with its sourceMappingURL line and its import of kata-source-maps.mjs.
const BUDGET_BYTES = 16 * 1024;
/** What a 2020-12 entry may add to a function that does not use it: Ajv 2020's bookkeeping in the validators the function does use. */
const DRAFT_2020_SLACK_BYTES = 1024;

const AUDIT_2020 = JSON.stringify({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["actor", "action"],
  properties: { actor: { type: "string", minLength: 1 }, action: { enum: ["created", "cancelled", "refunded"] }, note: { type: "string", maxLength: 500 } },
  unevaluatedProperties: false,
});

const project = makeProject({}, { kata: true });
after(() => project.remove());
const cwd = project.dir;

async function packageSqsFunction(): Promise<{ bytes: number; stderr: string }> {
  const run = await runCli(["package", "src/process-orders.handler", "--out", "dist/sqs.zip"], { cwd });
  assert.equal(run.code, 0, run.stderr);
  const index = unzip(readFileSync(join(cwd, "dist/sqs.zip"))).find((entry) => entry.name === "index.mjs")!;
  return { bytes: index.data.length, stderr: run.stderr };
}

async function generate(): Promise<void> {
  const run = await runCli(["generate"], { cwd });
  assert.equal(run.code, 0, run.stderr);
}

describe("kata package: the example's SQS function bundle", () => {
  let draft07: { bytes: number; stderr: string };
  let draft2020: { bytes: number; stderr: string };
  before(async () => {
    for (const part of ["kata.config.json", "schemas", "src"]) cpSync(join(projectRoot, "examples/orders", part), join(cwd, part), { recursive: true });
    await generate();
    draft07 = await packageSqsFunction();
    writeFileSync(join(cwd, "schemas/audit.json"), AUDIT_2020);
    const config = JSON.parse(readFileSync(join(cwd, "kata.config.json"), "utf8")) as { events: Record<string, unknown> };
    config.events.Audit = { schema: "./schemas/audit.json" };
    writeFileSync(join(cwd, "kata.config.json"), JSON.stringify(config, null, 2));
    await generate();
    draft2020 = await packageSqsFunction();
  });

  it(`stays within ${BUDGET_BYTES} bytes minified`, () => {
    assert.ok(draft07.bytes <= BUDGET_BYTES, `index.mjs is ${draft07.bytes} bytes`);
  });

  it("does not grow by the config's other validators when the config holds a draft 2020-12 schema", () => {
    assert.ok(draft2020.bytes <= draft07.bytes + DRAFT_2020_SLACK_BYTES, `${draft2020.bytes} bytes with a 2020-12 entry, ${draft07.bytes} without`);
    assert.ok(draft2020.bytes <= BUDGET_BYTES + DRAFT_2020_SLACK_BYTES, `index.mjs is ${draft2020.bytes} bytes`);
  });

  it("warns about neither bundle", () => {
    assert.doesNotMatch(draft07.stderr, /warning/);
    assert.doesNotMatch(draft2020.stderr, /warning/);
  });

  it("warns, naming the module, when validators keep themselves in the bundle (as older generated 2020-12 code did)", async () => {
    const file = join(cwd, "src/generated/kata-validators.ts");
    const current = readFileSync(file, "utf8");
    // The statement form kata emitted before: a top-level assignment, which a bundler must keep.
    const older = current.replace(/^const (validate\d+)Evaluated = (.*);$/gm, "$1.evaluated = $2;").replace(/\b(validate\d+)Evaluated\b/g, "$1.evaluated");
    assert.notEqual(older, current, "the 2020-12 validators track what they evaluated");
    writeFileSync(file, older);
    try {
      const stale = await packageSqsFunction();
      assert.ok(stale.bytes > draft2020.bytes + 4 * 1024, `${stale.bytes} bytes`);
      assert.match(stale.stderr, /kata package: warning: src\/generated\/kata-validators\.ts puts \d+\.\d kB into index\.mjs, \d+\.\d kB of it validators that its module-level statements keep whether or not the function imports them\. Regenerate it/);
    } finally {
      writeFileSync(file, current);
    }
  });
});
