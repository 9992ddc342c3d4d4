import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError } from "../decode/fixture-suite.js";
import { runTsc, strictTsconfig, TempProject } from "./support/temp-project.js";

// Schema text is user input: whatever it holds must neither break nor inject into the generated
// TypeScript, and the decoders must check exactly the keys the schema names.

const ODD = '*/ ${globalThis.injected = 1} `tick` "quote" \\ back';

const hostileSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: `Title ${ODD}`,
  description: `Description ${ODD}`,
  type: "object",
  required: ['with "quotes"', "__proto__", "*/ closer", "toString"],
  additionalProperties: false,
  properties: {
    'with "quotes"': { type: "string", description: "*/ globalThis.injected = 2; /*" },
    "with space": { type: "integer" },
    "*/ closer": { type: "boolean" },
    "ünïcödé ✓": { type: "string", enum: ["a*/b", "`tick`", "${x}"] },
    // A computed key: a plain `__proto__:` in an object literal would set the prototype instead.
    ["__proto__"]: { type: "object", required: ["polluted"], properties: { polluted: { type: "boolean" } } },
    constructor: { type: "string" },
    toString: { type: "string" },
    "back\\slash": { type: "number" },
    "new\nline": { type: "null" },
    odd: { $ref: "#/definitions/Odd" },
  },
  definitions: { Odd: { title: `Odd ${ODD}`, description: ODD, type: "string", minLength: 2 } },
};

/** JSON text with an own `__proto__` key, as a client would send it. */
const validText = JSON.stringify({ 'with "quotes"': "q", "*/ closer": true, toString: "t", "ünïcödé ✓": "${x}", "new\nline": null, "back\\slash": 1.5, odd: "ok" }).replace(
  /^\{/,
  '{"__proto__":{"polluted":true},',
);

interface HostileModule {
  decodeHostile(input: string): Record<string, unknown>;
  isHostile(value: unknown): boolean;
  decodeHostileQueueEvent(input: string): { Records: { body: Record<string, unknown> }[] };
  decodeHostileBusEvent(input: string): { "detail-type": string };
}

describe("a schema full of hostile text", () => {
  let project: TempProject;
  let compiled: { code: number | null; stdout: string };
  let hostile: HostileModule;
  before(async () => {
    project = new TempProject();
    project.write("schemas/hostile.json", hostileSchema);
    await project.generate({
      out: "generated",
      events: {
        Hostile: { schema: "./schemas/hostile.json" },
        HostileQueue: { source: "sqs", body: "./schemas/hostile.json" },
        HostileBus: { source: "eventbridge", detailType: `Placed ${ODD}`, eventSource: `src ${ODD}`, detail: "./schemas/hostile.json" },
      },
    });
    project.write("tsconfig.json", strictTsconfig(["generated"]));
    compiled = runTsc(project);
    if (compiled.code === 0) hostile = (await import(pathToFileURL(project.path("dist/generated/index.js")).href)) as HostileModule;
  });
  after(() => project.remove());

  it("compiles under strict TypeScript", () => {
    assert.equal(compiled.stdout, "");
    assert.equal(compiled.code, 0);
  });

  it("keeps user text inside comments and string literals (nothing runs on import)", () => {
    assert.equal((globalThis as { injected?: number }).injected, undefined);
    const types = project.read("generated/kata-types.ts");
    assert.ok(!types.includes("*/ globalThis"), "a description closed its comment");
    assert.match(types, /"with \\"quotes\\"": string/);
    assert.match(types, /"__proto__": \{/);
  });

  it("decodes a value with every odd key, without touching Object.prototype", () => {
    const value = hostile.decodeHostile(validText);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, "__proto__")?.value, { polluted: true });
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
    assert.equal(value["ünïcödé ✓"], "${x}");
    assert.equal(hostile.isHostile(JSON.parse(validText)), true);
  });

  it("checks a property named __proto__ like any other", () => {
    const without = validText.replace('"__proto__":{"polluted":true},', "");
    assertDecodeError(() => hostile.decodeHostile(without), "Hostile", "/__proto__");
    assertDecodeError(() => hostile.decodeHostile(validText.replace('"polluted":true', '"polluted":"yes"')), "Hostile", "/__proto__/polluted");
  });

  it("does not mistake Object.prototype's members for properties of the value", () => {
    const value = JSON.parse(validText) as Record<string, unknown>;
    assert.equal(hostile.isHostile(value), true, "an absent optional `constructor` is fine");
    Reflect.deleteProperty(value, "toString");
    assert.equal(hostile.isHostile(value), false, "a missing required `toString` is missing");
    assertDecodeError(() => hostile.decodeHostile(validText.replace('"toString":"t"', '"toString":"t","constructor":5')), "Hostile", "/constructor");
  });

  it("points at odd keys with RFC 6901 escapes", () => {
    assertDecodeError(() => hostile.decodeHostile(validText.replace("{", '{"extra/~":1,')), "Hostile", "/extra~1~0");
    assertDecodeError(() => hostile.decodeHostile(validText.replace('"${x}"', '"zz"')), "Hostile", "/ünïcödé ✓");
    assertDecodeError(() => hostile.decodeHostile(validText.replace('"new\\nline":null', '"new\\nline":0')), "Hostile", "/new\nline");
    assertDecodeError(() => hostile.decodeHostile(validText.replace('"odd":"ok"', '"odd":"k"')), "Hostile", "/odd");
  });

  it("checks the same schema inside an SQS body and an EventBridge detail", () => {
    const queue = loadEvent("sqs", "base");
    queue.Records[0].body = validText;
    queue.Records[1].body = validText.replace('"polluted":true', '"polluted":1');
    assertDecodeError(() => hostile.decodeHostileQueueEvent(JSON.stringify(queue)), "HostileQueueEvent", "/Records/1/body/__proto__/polluted");
    const bus = { ...loadEvent("eventbridge", "base"), "detail-type": `Placed ${ODD}`, source: `src ${ODD}`, detail: JSON.parse(validText) };
    assert.equal(hostile.decodeHostileBusEvent(JSON.stringify(bus))["detail-type"], `Placed ${ODD}`);
    assertDecodeError(() => hostile.decodeHostileBusEvent(JSON.stringify({ ...bus, "detail-type": "Placed" })), "HostileBusEvent", "/detail-type");
  });
});
