import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError } from "../decode/fixture-suite.js";
import { runTsc, strictTsconfig, TempProject } from "./support/temp-project.js";

// `$ref` between the user's files: every shared definition becomes one declaration, and every
// decoder follows the references at run time.

const money = { title: "Money", type: "object", required: ["amount", "currency"], properties: { amount: { type: "number", minimum: 0 }, currency: { enum: ["EUR", "USD"] } } };
const common = {
  definitions: {
    Money: money,
    "Per/Unit": { title: "PerUnit", type: "object", required: ["unit"], properties: { unit: { type: "string" }, price: { $ref: "#/definitions/Money" } } },
    Tree: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/definitions/Tree" } } } },
  },
};

type Decode = (input: string) => unknown;

describe("$ref between user schema files", () => {
  let project: TempProject;
  let compiled: { code: number | null; stdout: string };
  let types: string;
  let modules: Record<string, Decode>;
  before(async () => {
    project = new TempProject();
    project.write("schemas/common.json", common);
    project.write("schemas/order.json", { type: "object", required: ["total"], properties: { total: { $ref: "./common.json#/definitions/Money" }, unit: { $ref: "./common.json#/definitions/Per~1Unit" } } });
    project.write("schemas/invoice.json", { type: "object", required: ["due"], properties: { due: { $ref: "./common.json#/definitions/Money" } } });
    project.write("schemas/sub/refund.json", { type: "object", properties: { amount: { $ref: "../common.json#/definitions/Money" } } });
    project.write("schemas/price.json", { $ref: "./common.json#/definitions/Money" });
    await project.generate({
      out: "generated",
      events: {
        Order: { source: "sqs", body: "./schemas/order.json" },
        Invoice: { source: "eventbridge", detailType: "Invoice Due", detail: "./schemas/invoice.json" },
        Refund: { schema: "./schemas/sub/refund.json" },
        Price: { schema: "./schemas/price.json" },
        Tree: { schema: "./schemas/common.json#/definitions/Tree" },
        SameOrder: { schema: "./schemas/order.json" },
      },
    });
    types = project.read("generated/kata-types.ts");
    project.write("tsconfig.json", strictTsconfig(["generated"]));
    compiled = runTsc(project);
    if (compiled.code === 0) modules = (await import(pathToFileURL(project.path("dist/generated/index.js")).href)) as Record<string, Decode>;
  });
  after(() => project.remove());

  it("compiles under strict TypeScript", () => {
    assert.equal(compiled.stdout, "");
    assert.equal(compiled.code, 0);
  });

  it("declares a type reached from several files once", () => {
    assert.equal(types.match(/export interface Money \{/g)?.length, 1, types);
    assert.equal(types.match(/export interface PerUnit \{/g)?.length, 1, types);
    assert.match(types, /total: Money/);
    assert.match(types, /due: Money/);
    assert.match(types, /amount\?: Money/);
  });

  it("makes a file that is only a $ref, and an entry sharing another's schema, aliases", () => {
    assert.match(types, /export type Price = Money\b/);
    assert.match(types, /export type SameOrder = Order;/);
  });

  it("declares a recursive definition that an entry points into", () => {
    assert.match(types, /export interface Tree \{\n\s+name: string\n\s+children\?: Tree\[\]/);
    const deep = JSON.stringify({ name: "root", children: [{ name: "a", children: [{ name: 3 }] }] });
    assertDecodeError(() => modules.decodeTree!(deep), "Tree", "/children/0/children/0/name");
  });

  it("decodes a recursive type 1,000 levels deep, and rejects one 10,000 deep with a DecodeError, not a RangeError", () => {
    // As text: JSON.stringify itself cannot write 10,000 levels.
    const nested = (levels: number) => '{"name":"node","children":['.repeat(levels) + '{"name":"leaf"}' + "]}".repeat(levels);
    assert.doesNotThrow(() => modules.decodeTree!(nested(1000)));
    const error = assertDecodeError(() => modules.decodeTree!(nested(10_000)), "Tree", "");
    assert.match(error.issues[0]!.message, /^is nested 20001 levels deep, deeper than kata's decoders can check/);
  });

  it("answers isTree on a value too deep to check with false, never a RangeError", () => {
    const nested = (levels: number) => '{"name":"node","children":['.repeat(levels) + '{"name":"leaf"}' + "]}".repeat(levels);
    const isTree = modules.isTree as unknown as (value: unknown) => boolean;
    assert.equal(isTree(JSON.parse(nested(1000))), true);
    assert.equal(isTree(JSON.parse(nested(10_000))), false);
  });

  it("validates through references, from every file and folder", () => {
    assertDecodeError(() => modules.decodePrice!('{"amount":-1,"currency":"EUR"}'), "Price", "/amount");
    assertDecodeError(() => modules.decodeRefund!('{"amount":{"amount":1}}'), "Refund", "/amount/currency");
    assertDecodeError(() => modules.decodeSameOrder!('{"total":{"amount":1,"currency":"EUR"},"unit":{"unit":"kg","price":{"amount":"1","currency":"USD"}}}'), "SameOrder", "/unit/price/amount");
    const bus = { ...loadEvent("eventbridge", "base"), "detail-type": "Invoice Due", detail: { due: { amount: 5, currency: "GBP" } } };
    assertDecodeError(() => modules.decodeInvoiceEvent!(JSON.stringify(bus)), "InvoiceEvent", "/detail/due/currency");
    const queue = loadEvent("sqs", "base");
    queue.Records[1].body = JSON.stringify({ total: { amount: 2, currency: "USD" } });
    queue.Records[0].body = JSON.stringify({ total: { currency: "USD" } });
    assertDecodeError(() => modules.decodeOrderEvent!(JSON.stringify(queue)), "OrderEvent", "/Records/0/body/total/amount");
  });
});
