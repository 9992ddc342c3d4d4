import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emitTypes } from "../../generator/emit-types.js";

const branch = (kind: string) => ({ title: kind, type: "object", required: ["kind"], properties: { kind: { const: kind } } });

describe("emit types: a schema whose root is a union", () => {
  it("declares the root as a type alias and every definition, without the stand-in that holds them", async () => {
    const schema = {
      $id: "https://kata.dev/schemas/union.schema.json",
      title: "Shape",
      anyOf: [{ $ref: "#/definitions/Circle" }, { $ref: "#/definitions/Square" }],
      definitions: { Circle: branch("circle"), Square: branch("square"), Unused: branch("unused") },
    };
    const text = await emitTypes(schema, "Shape", new Map(), () => false);
    assert.match(text, /export type Shape = \(?Circle \| Square\)?/);
    for (const name of ["Circle", "Square", "Unused"]) assert.match(text, new RegExp(`export interface ${name} \\{`));
    assert.doesNotMatch(text, /KataUnionRootHolder/);
  });

  it("does the same for a root typed by tsType, making it generic", async () => {
    const schema = {
      $id: "https://kata.dev/schemas/union.schema.json",
      title: "Box",
      type: "object",
      properties: { kind: { enum: ["circle"] } },
      tsType: "Circle<T>",
      definitions: { Circle: { ...branch("circle"), properties: { kind: { const: "circle" }, value: { tsType: "T" } } } },
    };
    const generics = new Map([["Box", [{ name: "T", default: "string" }]], ["Circle", [{ name: "T", default: "string" }]]]);
    const text = await emitTypes(schema, "Box", generics, () => false);
    assert.match(text, /export type Box<T = string> = Circle<T>/);
    assert.match(text, /export interface Circle<T = string> \{/);
  });
});
