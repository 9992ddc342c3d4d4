import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readSample, sampleSources, UnknownSampleError } from "../../emulator/samples.js";
import { createAjv, loadSchema, schemaPath } from "../schemas/schema-suite.js";
import { projectRoot } from "../support/fixtures.js";

/** Which schema each built-in sample must match (a function URL event is an HTTP API 2.0 event). */
const SCHEMA_OF: Record<string, string> = { "function-url": "apigw-v2" };

const SAMPLES = [
  "alb", "apigw-v1", "apigw-v2", "eventbridge", "function-url", "sqs",
  // Streams, storage, messaging, CloudWatch and WebSocket APIs (issue 11).
  "activemq", "apigw-websocket", "cloudwatch-alarm", "cloudwatch-logs", "dynamodb", "firehose", "kafka", "kinesis",
  "rabbitmq", "s3", "s3-batch", "s3-eventbridge", "s3-object-lambda", "scheduled", "sns",
].sort();

describe("built-in sample events", () => {
  it("ships a sample for every source kata decodes", () => {
    assert.deepEqual(sampleSources(), SAMPLES);
    const sources = readdirSync(join(projectRoot, "schemas")).filter((f) => f.endsWith(".schema.json")).map((f) => f.slice(0, -".schema.json".length));
    for (const source of sources) assert.ok(SAMPLES.includes(source), `schemas/${source}.schema.json has no sample in schemas/samples/`);
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
