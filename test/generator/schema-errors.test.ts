import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { lineAndColumn } from "../decode/fixture-suite.js";
import { rejection, TempProject } from "./support/temp-project.js";

// Every rejected schema names its file (relative to the config) and, when there is one, the JSON
// pointer of the problem inside it; nothing is written.

let project: TempProject;
before(() => {
  project = new TempProject();
  project.write("schemas/fine.json", { type: "object", properties: { id: { type: "string" } } });
});
after(() => project.remove());

/** Generates a config whose second entry's schema is `schema` (text as is, anything else as JSON). */
async function schemaError(schema: unknown, file = "schemas/bad.json") {
  project.write(file, schema);
  const config = { out: "out", events: { Fine: { source: "sqs", body: "./schemas/fine.json" }, Bad: { schema: `./${file}` } } };
  const error = await rejection(() => project.generate(config), "SchemaError");
  assert.equal(existsSync(project.path("out")), false, "a rejected schema must write nothing");
  return error;
}

describe("schema errors", () => {
  it("names the config entry whose schema file does not exist", async () => {
    const config = { out: "out", events: { Fine: { source: "sqs", body: "./schemas/fine.json" }, Bad: { source: "apigw-v2", body: "./schemas/fine.json", query: "./schemas/missing.json" } } };
    const error = await rejection(() => project.generate(config), "ConfigError");
    assert.equal(
      error.message,
      `${project.path("kata.config.json")}#/events/Bad/query: "./schemas/missing.json" names schemas/missing.json, which does not exist. Fix the path (it starts from the config file's folder).`,
    );
  });

  it("names a schema path that is a folder", async () => {
    const config = { out: "out", events: { Bad: { schema: "./schemas" } } };
    assert.match((await rejection(() => project.generate(config), "SchemaError")).message, /^schemas: is a directory, not a file\./);
  });

  it("gives the file, position, line and column of a JSON syntax error", async () => {
    const text = '{\n  "type": "object",\n  "properties": { "a": { "type": "string" } "b": {} }\n}\n';
    const offset = text.indexOf('"b"');
    const error = await schemaError(text);
    assert.ok(error.message.startsWith("schemas/bad.json: is not JSON: "), error.message);
    assert.ok(error.message.includes(`(${lineAndColumn(text, offset)})`), error.message);
  });

  it("rejects a schema that is not an object", async () => {
    assert.match((await schemaError([{ type: "string" }])).message, /^schemas\/bad\.json#: a schema must be a JSON object/);
  });

  it("names the file and pointer of an invalid keyword value, even in odd property names", async () => {
    const error = await schemaError({ type: "object", properties: { "x.y z": { type: "strin" } } });
    assert.equal(error.file, "schemas/bad.json");
    assert.equal(error.pointer, "/properties/x.y z/type");
    assert.match(error.message, /is not a valid JSON Schema: must be equal to one of the allowed values \(array, boolean, integer, null, number, object, string\)\.$/);
  });

  it("names the file and pointer of a $ref to a missing definition", async () => {
    project.write("schemas/common.json", { definitions: { Money: { type: "number" } } });
    const error = await schemaError({ type: "object", properties: { total: { $ref: "./common.json#/definitions/Mony" } } });
    assert.equal(error.pointer, "/properties/total");
    assert.match(error.message, /^schemas\/bad\.json#\/properties\/total: \$ref "\.\/common\.json#\/definitions\/Mony" points at nothing \(no "\/definitions\/Mony" in schemas\/common\.json\)/);
  });

  it("names the file and pointer of a local $ref to nothing", async () => {
    const error = await schemaError({ type: "array", items: { $ref: "#/definitions/Item" } });
    assert.equal(error.pointer, "/items");
    assert.match(error.message, /no "\/definitions\/Item" in schemas\/bad\.json/);
  });

  it("names the $ref, not only the target, when a referenced file does not exist", async () => {
    const error = await schemaError({ type: "object", properties: { total: { $ref: "./gone.json" } } });
    assert.equal(error.message, `schemas/bad.json#/properties/total: $ref "./gone.json" names schemas/gone.json, which does not exist. Fix the path (it starts from schemas/bad.json's folder).`);
  });

  it("rejects a remote $ref at its pointer", async () => {
    const error = await schemaError({ type: "object", properties: { total: { $ref: "https://example.com/money.json" } } });
    assert.equal(error.pointer, "/properties/total");
    assert.match(error.message, /is remote; kata resolves only files/);
  });

  it("rejects an unknown format at its pointer and lists the supported ones", async () => {
    const error = await schemaError({ type: "object", properties: { card: { type: "string", format: "credit-card" } } });
    assert.equal(error.file, "schemas/bad.json");
    assert.equal(error.pointer, "/properties/card");
    assert.match(error.message, /format "credit-card" is not supported\. kata checks date-time, date, .*; use "pattern" for others\./);
  });

  it("rejects a misspelt keyword at its pointer", async () => {
    const error = await schemaError({ type: "object", properties: { name: { type: "string", maxLenght: 3 } } });
    assert.equal(error.pointer, "/properties/name");
    assert.match(error.message, /unknown keyword "maxLenght" \(a typo\?\)/);
  });

  it("rejects a pattern that is not a regular expression at its pointer", async () => {
    const error = await schemaError({ type: "object", properties: { code: { type: "string", pattern: "(unclosed" } } });
    assert.equal(error.pointer, "/properties/code");
    assert.match(error.message, /pattern "\(unclosed" is not a valid regular expression/);
  });

  it("blames the file that holds the problem, not the entry that reaches it", async () => {
    project.write("schemas/typo.json", { type: "object", properties: { when: { type: "string", format: "datetime" } } });
    const error = await schemaError({ type: "object", properties: { inner: { $ref: "./typo.json" } } });
    assert.equal(error.file, "schemas/typo.json");
    assert.equal(error.pointer, "/properties/when");
  });

  it("rejects an x-kata-fill that names no kata fill function, at its pointer", async () => {
    const error = await schemaError({ type: "object", properties: { a: { type: "object", "x-kata-fill": "process.exit" } } });
    assert.equal(error.pointer, "/properties/a/x-kata-fill");
    assert.match(error.message, /names "process\.exit", which is not a kata fill function\. Use one of: (?:\w+, )*fillMultiValueHeaders/);
  });

  it("accepts a property that is called x-kata-fill", async () => {
    project.write("schemas/named.json", { type: "object", properties: { "x-kata-fill": { type: "string" } } });
    const config = { out: "out-named", events: { Named: { schema: "./schemas/named.json" } } };
    await project.generate(config);
    assert.equal(existsSync(project.path("out-named/named.ts")), true);
  });
});
