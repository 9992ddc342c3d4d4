import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "s3",
  results: { "test-event": "S3TestEvent", "invalid-test-event-name": "S3TestEvent" },
  required: ["base", "delete", "restore-completed", "lifecycle-transition"],
});

describe("S3 fixtures and schema details", () => {
  it("a delete event has neither size nor eTag, as S3 sends it", () => {
    const object = loadEvent("s3", "delete").Records[0].s3.object;
    assert.deepEqual(["size" in object, "eTag" in object], [false, false]);
  });

  it("object keys arrive URL-encoded", () => {
    const key = loadEvent("s3", "delete").Records[0].s3.object.key as string;
    assert.equal(decodeURIComponent(key.replace(/\+/g, " ")), "orders/2026/ord 0002 (old).json");
  });

  it("fills eventSource and s3SchemaVersion, but not the bucket", () => {
    const validate = validatorFor("base");
    const event = loadEvent("s3", "base");
    const record = event.Records[0];
    delete record.eventSource;
    delete record.s3.s3SchemaVersion;
    delete record.s3.bucket;
    assert.equal(validate(event), false);
    assert.deepEqual([record.eventSource, record.s3.s3SchemaVersion], ["aws:s3", "1.0"]);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/s3/bucket"]);
  });

  it("an S3 test event is not an S3Event", () => {
    const validate = validatorFor("base");
    assert.equal(validate(loadEvent("s3", "test-event")), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records"]);
  });
});
