import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readSample, sampleSources, UnknownSampleError } from "../../emulator/samples.js";
import { projectRoot } from "../support/fixtures.js";
import { SAMPLES } from "../support/samples.js";
import { createAjv, loadSchema, schemaPath } from "../schemas/schema-suite.js";

/** Which schema each built-in sample must match (a function URL event is an HTTP API 2.0 event). */
const SCHEMA_OF: Record<string, string> = { "function-url": "apigw-v2" };

describe("built-in sample events", () => {
  it("ships a sample for every source kata decodes", () => {
    assert.deepEqual(sampleSources(), SAMPLES);
  });

  it("has a sample for every built-in schema", () => {
    const schemas = readdirSync(join(projectRoot, "schemas")).filter((file) => file.endsWith(".schema.json"));
    for (const file of schemas) assert.ok(sampleSources().includes(file.slice(0, -".schema.json".length)), `no schemas/samples/ sample for ${file}`);
  });

  for (const source of sampleSources()) {
    const schema = SCHEMA_OF[source] ?? source;
    it(`${source} matches schemas/${schema}.schema.json`, { skip: existsSync(schemaPath(schema)) ? false : `no schema for ${schema}` }, () => {
      const validate = createAjv().compile(loadSchema(schema));
      const event: unknown = JSON.parse(readSample(source));
      assert.equal(validate(event), true, JSON.stringify(validate.errors, null, 2));
    });
  }

  it("names the samples when asked for one it does not have", () => {
    assert.throws(() => readSample("smoke-signals"), (error: unknown) => {
      assert.ok(error instanceof UnknownSampleError);
      assert.equal(error.message, `there is no built-in sample event "smoke-signals"; the samples are: ${SAMPLES.join(", ")}`);
      return true;
    });
  });
});
