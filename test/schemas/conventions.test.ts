import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../support/fixtures.js";
import { createAjv, loadSchema } from "./schema-suite.js";
import type { SchemaFile } from "./schema-suite.js";

// The code generator (json-schema-to-typescript + Ajv standalone) relies on these conventions.
const SOURCES = [
  "alb", "apigw-v1", "apigw-v2", "eventbridge", "sqs",
  // Streams, storage, messaging, CloudWatch and WebSocket APIs (issue 11).
  "activemq", "apigw-websocket", "cloudwatch-alarm", "cloudwatch-logs", "dynamodb", "firehose", "kafka", "kinesis",
  "rabbitmq", "s3", "s3-batch", "s3-eventbridge", "s3-object-lambda", "scheduled", "sns",
].sort();
const TS_BUILTINS = new Set(["string", "number", "boolean", "null", "undefined", "any", "unknown", "object", "never"]);
const IDENTIFIER = /^[A-Z][A-Za-z0-9]*$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };
interface TypeParameter {
  name: string;
  default: string;
  constraint?: string;
}

/** Every sub-schema object with its JSON Pointer inside the file. */
function* walk(node: Json, pointer = ""): Generator<[string, Node]> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, `${pointer}/${i}`);
    return;
  }
  yield [pointer, node];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${pointer}/${key}`);
}

/** The root and each definition: the schemas that become named TypeScript types. */
function namedSchemas(schema: SchemaFile): Array<[string, Node]> {
  const { definitions = {}, ...root } = schema;
  return [[schema.title, root as unknown as Node], ...Object.entries(definitions).map(([k, v]) => [k, v as Node] as [string, Node])];
}

describe("built-in schema conventions", () => {
  it("schemas/ holds exactly one schema per built-in source", () => {
    const files = readdirSync(join(projectRoot, "schemas")).filter((f) => f.endsWith(".schema.json")).sort();
    assert.deepEqual(files, SOURCES.map((s) => `${s}.schema.json`).sort());
  });

  for (const source of SOURCES) {
    describe(`${source}.schema.json`, () => {
      const schema = loadSchema(source);
      const definitions = schema.definitions ?? {};

      it("is draft-07 with a kata $id and a TypeScript title at the root", () => {
        assert.equal(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert.equal(schema.$id, `https://kata.dev/schemas/${source}.schema.json`);
        assert.match(schema.title, IDENTIFIER);
      });

      it("titles every definition with its own name", () => {
        for (const [name, definition] of Object.entries(definitions)) {
          assert.equal(definition.title, name, `#/definitions/${name}`);
        }
      });

      it("compiles the root and every definition under strict Ajv", () => {
        const ajv = createAjv();
        ajv.addSchema(schema);
        for (const ref of [schema.$id, ...Object.keys(definitions).map((name) => `${schema.$id}#/definitions/${name}`)]) {
          assert.equal(typeof ajv.getSchema(ref), "function", ref);
        }
      });

      it("exports only definitions that exist", () => {
        const exported = schema["x-kata-exports"] ?? [];
        assert.ok(Array.isArray(exported));
        for (const name of exported) assert.ok(name in definitions, `x-kata-exports names unknown ${name}`);
      });

      it("describes every property and every named type", () => {
        for (const [name, named] of namedSchemas(schema)) assert.equal(typeof named["description"], "string", name);
        for (const [pointer, node] of walk(schema as unknown as Json)) {
          const properties = node["properties"];
          if (pointer.endsWith("/properties") || properties === undefined || properties === null) continue;
          for (const [key, property] of Object.entries(properties as Node)) {
            const p = property as Node;
            assert.ok(typeof p["description"] === "string" || typeof p["$ref"] === "string", `${pointer}/properties/${key}`);
          }
        }
      });

      it("never forbids unknown properties and never uses format", () => {
        for (const [pointer, node] of walk(schema as unknown as Json)) {
          if (pointer.endsWith("/properties")) continue;
          assert.notEqual(node["additionalProperties"], false, pointer);
          assert.equal("format" in node, false, pointer);
        }
      });

      it("uses in tsType only declared type parameters and defined types", () => {
        for (const [name, named] of namedSchemas(schema)) {
          const parameters = (named["x-kata-type-parameters"] ?? []) as unknown as TypeParameter[];
          for (const parameter of parameters) {
            assert.match(parameter.name, IDENTIFIER);
            assert.equal(typeof parameter.default, "string");
          }
          const known = new Set([...TS_BUILTINS, ...parameters.map((p) => p.name), ...Object.keys(definitions)]);
          const own = { ...named, definitions: null };
          for (const [pointer, node] of walk(own as Json)) {
            const tsType = node["tsType"];
            if (pointer.endsWith("/properties") || typeof tsType !== "string") continue;
            // Property keys of object type literals (`{ S: string }`) are names, not types.
            const types = tsType.replace(/[A-Za-z_$][\w$]*\??:/g, "");
            for (const word of types.match(/[A-Za-z_$][\w$]*/g) ?? []) {
              assert.ok(known.has(word), `${name}${pointer}: tsType "${tsType}" uses unknown ${word}`);
            }
          }
        }
      });
    });
  }
});
