import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "s3-batch",
  results: { result: "S3BatchResult", "invalid-result-code": "S3BatchResult" },
  required: ["base", "schema-v2"],
});

describe("S3 Batch Operations fixtures and schema details", () => {
  it("schema 1.0 names the bucket by ARN, schema 2.0 by name with user arguments", () => {
    const [v1, v2] = [loadEvent("s3-batch", "base"), loadEvent("s3-batch", "schema-v2")];
    assert.deepEqual([v1.invocationSchemaVersion, "s3BucketArn" in v1.tasks[0], "s3Bucket" in v1.tasks[0]], ["1.0", true, false]);
    assert.deepEqual([v2.invocationSchemaVersion, "s3BucketArn" in v2.tasks[0], v2.tasks[0].s3Bucket], ["2.0", false, "amzn-s3-demo-bucket"]);
    assert.equal(typeof v2.job.userArguments, "object");
  });

  it("the result answers the event's invocation and task", () => {
    const [event, result] = [loadEvent("s3-batch", "base"), loadEvent("s3-batch", "result")];
    assert.equal(result.invocationId, event.invocationId);
    assert.equal(result.results[0].taskId, event.tasks[0].taskId);
    assert.equal(validatorFor("result")(result), true);
  });
});
