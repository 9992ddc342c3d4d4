import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import { eventNames, loadEvent, projectRoot } from "../support/fixtures.js";
import * as fills from "../../runtime/decode/fills/index.js";

/** The keywords kata's schemas add for the code generator; Ajv must know them in strict mode. */
export const KATA_KEYWORDS = ["tsType", "x-kata-exports", "x-kata-type-parameters"] as const;

export interface SchemaFile {
  $id: string;
  title: string;
  definitions?: Record<string, { title?: string }>;
  "x-kata-exports"?: string[];
  [keyword: string]: unknown;
}

export function schemaPath(source: string): string {
  return join(projectRoot, "schemas", `${source}.schema.json`);
}

export function loadSchema(source: string): SchemaFile {
  return JSON.parse(readFileSync(schemaPath(source), "utf8")) as SchemaFile;
}

/**
 * The Ajv set-up the generated decoders use: strict, every error reported, kata keywords known,
 * defaults filled, and `x-kata-fill` running the same fill functions.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, useDefaults: true });
  for (const keyword of KATA_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addKeyword({
    keyword: "x-kata-fill",
    schemaType: "string",
    modifying: true,
    before: "$ref",
    validate: (name: keyof typeof fills, data: unknown) => (fills[name](data), true),
  });
  return ajv;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * JSON Pointer of one Ajv error. A missing property points at the property itself
 * (`/Records/0/messageId`), not at its parent object, so the pointer names what to add.
 */
export function issuePath(error: ErrorObject): string {
  if (error.keyword === "required") {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${error.instancePath}/${escapePointerToken(missing)}`;
  }
  return error.instancePath;
}

/** Fixture names of one source, without the `invalid-*.expect` companions. */
export function fixtureNames(source: string, prefix = ""): string[] {
  return eventNames(source, prefix);
}

export interface SourceSpec {
  /** Directory name under `schemas/` and `test/fixtures/events/`. */
  source: string;
  /** Fixtures that are not events but results, mapped to the definition they must match. */
  results: Record<string, string>;
  /** Fixtures other areas rely on (benchmarks, runtime tests); they must keep existing. */
  required: string[];
}

/**
 * The data-driven part every schema test shares: the schema meta-validates, every valid
 * fixture matches its type, every `invalid-*` fixture fails first at its expected pointer.
 */
export function describeSchemaFixtures(spec: SourceSpec): { ajv: Ajv; validatorFor: (fixture: string) => ValidateFunction } {
  const schema = loadSchema(spec.source);
  const ajv = createAjv();
  ajv.addSchema(schema);

  const validatorFor = (fixture: string): ValidateFunction => {
    const definition = spec.results[fixture];
    const ref = definition === undefined ? schema.$id : `${schema.$id}#/definitions/${definition}`;
    const validate = ajv.getSchema(ref);
    assert.ok(validate, `no schema at ${ref}`);
    return validate;
  };
  const typeName = (fixture: string) => spec.results[fixture] ?? schema.title;

  describe(`${spec.source}.schema.json`, () => {
    it("is a valid draft-07 schema", () => {
      assert.equal(createAjv().validateSchema(schema), true);
    });

    it("provides the fixtures other areas rely on", () => {
      const names = new Set(fixtureNames(spec.source));
      for (const name of [...spec.required, ...Object.keys(spec.results)]) {
        assert.ok(names.has(name), `missing fixture test/fixtures/events/${spec.source}/${name}.json`);
      }
    });

    for (const name of fixtureNames(spec.source).filter((n) => !n.startsWith("invalid-"))) {
      it(`accepts ${name}.json as ${typeName(name)}`, () => {
        const validate = validatorFor(name);
        const ok = validate(loadEvent(spec.source, name));
        assert.deepEqual(validate.errors ?? [], [], `${name}.json should match ${typeName(name)}`);
        assert.equal(ok, true);
      });
    }

    for (const name of fixtureNames(spec.source, "invalid-")) {
      const expected = loadEvent<{ path: string }>(spec.source, `${name}.expect`);
      it(`rejects ${name}.json as ${typeName(name)} first at ${expected.path}`, () => {
        const validate = validatorFor(name);
        assert.equal(validate(loadEvent(spec.source, name)), false);
        const [first] = validate.errors ?? [];
        assert.ok(first, "Ajv reported no error");
        assert.equal(issuePath(first), expected.path, `first error: ${JSON.stringify(first)}`);
      });
    }
  });

  return { ajv, validatorFor };
}
