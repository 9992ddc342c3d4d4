import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitValidators } from "../../generator/emit-validators.js";
import { projectRoot } from "../support/fixtures.js";

// A referenced validator is called without an instance path and its errors are prefixed on failure
// (`generator/paths-on-failure.ts`); inside a recursion the path is still passed. Either way
// every error must carry the pointer Ajv itself reports, so the emitted code is compared with Ajv.

type Validate = ((data: unknown, options?: { instancePath: string }) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null };

const ID = "https://kata.local/test/ref-paths.json";
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["records"],
  properties: {
    records: { type: "array", items: { $ref: "#/definitions/Record" } },
    tree: { $ref: "#/definitions/Tree" },
  },
  definitions: {
    Record: {
      type: "object",
      required: ["id"],
      properties: { id: { type: "string" }, body: { $ref: "#/definitions/Body" } },
      additionalProperties: { $ref: "#/definitions/Body" },
    },
    Body: { type: "object", required: ["x"], properties: { x: { type: "integer" }, money: { $ref: "#/definitions/Money" } } },
    Money: { type: "object", required: ["amount"], properties: { amount: { type: "number", minimum: 0 } } },
    Tree: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/definitions/Tree" } }, byName: { type: "object", additionalProperties: { $ref: "#/definitions/Tree" } } } },
  },
};

const deepTree = (depth: number): unknown => (depth === 0 ? { name: 1 } : { name: "n", children: [{ name: "ok" }, deepTree(depth - 1)], byName: { "a/b~c": { name: null } } });

const INVALID: unknown[] = [
  { records: [{ id: "1", body: { x: 1 } }, { id: 2, body: { x: "no" } }] },
  { records: [{ id: "1", "a/b~c": { x: 1.5, money: { amount: -1 } }, "~1": {} }, "not an object"] },
  { records: [{ body: { money: { amount: "x" } } }], tree: deepTree(6) },
  { records: {}, tree: { name: "root", byName: { "": { name: "x", children: [{}] } } } },
];

describe("referenced validators: instance paths built only on failure", () => {
  const dir = mkdtempSync(join(tmpdir(), "kata-paths-on-failure-"));
  let code: string;
  let kata: Validate;
  let ajv: Validate;
  before(async () => {
    const runtime = pathToFileURL(join(projectRoot, "dist/runtime/decode/index.js")).href;
    code = emitValidators([{ id: ID, file: "ref-paths.json", schema }], { validateEvent: ID }, runtime, false);
    writeFileSync(join(dir, "validators.mjs"), code);
    kata = ((await import(pathToFileURL(join(dir, "validators.mjs")).href)) as { validateEvent: Validate }).validateEvent;
    const Ajv = (createRequire(import.meta.url)("ajv") as { default: new (options: object) => { compile(schema: object): Validate } }).default;
    ajv = new Ajv({ allErrors: true, strict: false }).compile(schema);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("passes no path or options object to a validator outside a recursion", () => {
    const outside = code.split(/^(?=function )/m).filter((part) => !/wrapper\d+\.validate\(/.test(part));
    assert.ok(outside.length > 2, "the schema compiles to several validators");
    for (const part of outside) assert.doesNotMatch(part, /\(data\w*(?:\[\w+\]|\.\w+)*, \{/, part);
    assert.match(code, /appendErrorsAt\(vErrors, validate\d+\.errors, instancePath\+"\/records\/" \+ i0\)/);
  });

  it("still passes the path within a recursion, where the data decides the depth", () => {
    assert.match(code, /wrapper\d+\.validate\(data\w*\[i\d+\], \{instancePath:instancePath\+"\/children\/" \+ i\d+\}\)/);
  });

  it("reports every error at the pointer Ajv reports, in Ajv's order", () => {
    for (const data of INVALID) {
      assert.equal(kata(structuredClone(data)), false);
      assert.equal(ajv(structuredClone(data)), false);
      const fields = (errors: Validate["errors"]) => errors!.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
      assert.deepEqual(fields(kata.errors), fields(ajv.errors), JSON.stringify(data));
    }
  });

  it("accepts what Ajv accepts", () => {
    const valid = { records: [{ id: "1", body: { x: 1, money: { amount: 2 } }, extra: { x: 3 } }], tree: { name: "r", children: [{ name: "c" }], byName: { k: { name: "v" } } } };
    assert.equal(ajv(structuredClone(valid)), true);
    assert.equal(kata(structuredClone(valid)), true, JSON.stringify(kata.errors));
  });

  it("honours the instance path a caller passes, as a module generated before this one does", () => {
    assert.equal(kata({ records: [{ id: 1 }] }, { instancePath: "/Records/7/body" }), false);
    assert.deepEqual(kata.errors!.map((error) => error.instancePath), ["/Records/7/body/records/0/id"]);
  });
});
