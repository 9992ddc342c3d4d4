import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitValidators } from "../../generator/emit-validators.js";
import { projectRoot } from "../support/fixtures.js";

// Without a recursion no validator passes a path to another (`paths-on-failure.ts`), so every path
// starts at "" and the emitted code drops `instancePath` (`generator/paths-from-root.ts`). The
// errors must still be Ajv's own.

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null };

const ID = "https://kata.local/test/root-paths.json";
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["records", "kind"],
  properties: {
    kind: { const: "batch" },
    note: { const: "instancePath+" },
    tag: { enum: ["instancePath", "(instancePath)"] },
    records: { type: "array", items: { $ref: "#/definitions/Record" } },
    labels: { type: "object", additionalProperties: { type: "string", pattern: "^[a-z]+$" } },
  },
  additionalProperties: false,
  definitions: {
    Record: { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 2 }, money: { $ref: "#/definitions/Money" } }, additionalProperties: { $ref: "#/definitions/Money" } },
    Money: { type: "object", required: ["amount"], properties: { amount: { type: "number", minimum: 0 }, currency: { enum: ["EUR", "USD"], default: "EUR" } } },
  },
};

const INVALID: unknown[] = [
  "not an object",
  { records: [{ id: "1" }, { id: 2, money: { amount: -1 } }], kind: "single", extra: true },
  { kind: "batch", records: [{ id: "ok", "a/b~c": { amount: "x", currency: "GBP" }, "": {} }], labels: { "~1": "UPPER", b: 3 } },
  { kind: "batch", records: {} },
  { kind: "batch", records: [], note: "instancePath", tag: "x" },
];

describe("validators outside a recursion: paths from their own root", () => {
  const dir = mkdtempSync(join(tmpdir(), "kata-paths-from-root-"));
  let code: string;
  let kata: Validate;
  let ajv: Validate;
  before(async () => {
    const runtime = pathToFileURL(join(projectRoot, "dist/runtime/decode/index.js")).href;
    code = emitValidators([{ id: ID, file: "root-paths.json", schema }], { validateEvent: ID }, runtime, false);
    writeFileSync(join(dir, "validators.mjs"), code);
    kata = ((await import(pathToFileURL(join(dir, "validators.mjs")).href)) as { validateEvent: Validate }).validateEvent;
    const Ajv = (createRequire(import.meta.url)("ajv") as { default: new (options: object) => { compile(schema: object): Validate } }).default;
    ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true }).compile(schema);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("emits no options parameter and no instancePath but the error objects' key", () => {
    assert.ok((code.match(/^function validate\d+\(data\)\{$/gm) ?? []).length >= 2, code);
    assert.doesNotMatch(code, /\boptions\b|rootOptions/);
    assert.doesNotMatch(code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""'), /\binstancePath\b(?!:)/);
    assert.match(code, /"instancePath\+"/, "a schema's own text that spells instancePath stays as it is");
    assert.match(code, /appendErrorsAt\(vErrors, validate\d+\.errors, "\/records\/" \+ i0\)/);
  });

  it("reports every error at the pointer Ajv reports, in Ajv's order, and fills the same defaults", () => {
    for (const data of INVALID) {
      const mine = structuredClone(data);
      const theirs = structuredClone(data);
      assert.equal(kata(mine), false);
      assert.equal(ajv(theirs), false);
      const fields = (errors: Validate["errors"]) => errors!.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
      assert.deepEqual(fields(kata.errors), fields(ajv.errors), JSON.stringify(data));
      assert.deepEqual(mine, theirs);
    }
  });

  it("accepts what Ajv accepts", () => {
    const valid = { kind: "batch", records: [{ id: "r1", money: { amount: 2 }, tip: { amount: 0, currency: "USD" } }], labels: { a: "x" }, note: "instancePath+", tag: "(instancePath)" };
    assert.equal(ajv(structuredClone(valid)), true);
    assert.equal(kata(structuredClone(valid)), true, JSON.stringify(kata.errors));
  });
});
