import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitValidators } from "../../generator/emit-validators.js";
import { projectRoot } from "../support/fixtures.js";

// A `required` check goes only where the default fill before it always runs (`generator/defaults-satisfy-required.ts`).

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown }[] | null };

const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["x", "size"],
  properties: { size: { type: "integer", default: 1 } },
  if: { properties: { kind: { const: "a" } }, required: ["kind"] },
  then: { properties: { x: { type: "number", default: 1 } } },
};

describe("required checks that a default fill satisfies", () => {
  it("drops the check after a fill in the same block, keeps it after a fill under `then`, and reports what Ajv reports", async () => {
    const runtime = pathToFileURL(join(projectRoot, "dist/runtime/decode/index.js")).href;
    const code = emitValidators([{ id: "https://kata.local/test/dsr.json", file: "dsr.json", schema }], { validateEvent: "https://kata.local/test/dsr.json" }, runtime, false);
    assert.doesNotMatch(code, /requiredError\(vErrors, [^\n]*, "size"\)/);
    assert.match(code, /requiredError\(vErrors, [^\n]*, "x"\)/);
    const dir = mkdtempSync(join(tmpdir(), "kata-dsr-"));
    try {
      writeFileSync(join(dir, "v.mjs"), code);
      const kata = ((await import(pathToFileURL(join(dir, "v.mjs")).href)) as { validateEvent: Validate }).validateEvent;
      const Ajv = (createRequire(import.meta.url)("ajv") as { default: new (options: object) => { compile(schema: object): Validate } }).default;
      const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true }).compile(schema);
      for (const data of [{}, { kind: "a" }, { kind: "b" }, { kind: "b", x: 2 }, { kind: "a", size: "big" }]) {
        const mine = structuredClone(data);
        const theirs = structuredClone(data);
        assert.equal(kata(mine), ajv(theirs), JSON.stringify(data));
        assert.deepEqual(kata.errors?.map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params })) ?? null, ajv.errors?.map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params })) ?? null, JSON.stringify(data));
        assert.deepEqual(mine, theirs);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("drops the SQS envelope's check of messageAttributes, which it fills with {}", () => {
    const code = readFileSync(join(projectRoot, "generated", "sqs.validators.ts"), "utf8");
    assert.match(code, /^data\.messageAttributes = \{\};$/m);
    assert.doesNotMatch(code, /requiredError\(vErrors, [^\n]*, "messageAttributes"\)/);
  });
});
