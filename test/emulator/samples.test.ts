import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readSample, sampleSources, UnknownSampleError } from "../../emulator/samples.js";
import { createAjv, loadSchema, schemaPath } from "../schemas/schema-suite.js";

/** Which schema each built-in sample must match (a function URL event is an HTTP API 2.0 event). */
const SCHEMA_OF: Record<string, string> = { "function-url": "apigw-v2" };

describe("built-in sample events", () => {
  it("ships a sample for every source kata decodes", () => {
    assert.deepEqual(sampleSources(), ["alb", "apigw-v1", "apigw-v2", "eventbridge", "function-url", "sqs"]);
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
    assert.throws(() => readSample("kinesis"), (error: unknown) => {
      assert.ok(error instanceof UnknownSampleError);
      assert.equal(error.message, 'there is no built-in sample event "kinesis"; the samples are: alb, apigw-v1, apigw-v2, eventbridge, function-url, sqs');
      return true;
    });
  });
});
