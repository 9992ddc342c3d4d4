import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "firehose",
  results: { result: "FirehoseTransformationResult", "invalid-result-status": "FirehoseTransformationResult" },
  required: ["base", "kinesis-source"],
});

describe("Firehose fixtures and schema details", () => {
  it("the result answers every record of base by its recordId", () => {
    const ids = (name: string) => (loadEvent("firehose", name).records as Array<{ recordId: string }>).map((r) => r.recordId);
    assert.deepEqual(ids("result"), ids("base"));
  });

  it("accepts subsequenceNumber as the number Firehose sends and as the text @types declares", () => {
    const validate = validatorFor("base");
    const event = loadEvent("firehose", "kinesis-source");
    assert.equal(validate(event), true);
    event.records[0].kinesisRecordMetadata.subsequenceNumber = "0";
    assert.equal(validate(event), true);
    event.records[0].kinesisRecordMetadata.subsequenceNumber = null;
    assert.equal(validate(event), false);
    assert.deepEqual([...new Set(validate.errors?.map(issuePath))], ["/records/0/kinesisRecordMetadata/subsequenceNumber"]);
  });

  it("accepts a Dropped or ProcessingFailed result without data", () => {
    const validate = validatorFor("result");
    assert.equal(validate({ records: [{ recordId: "a", result: "Dropped" }, { recordId: "b", result: "ProcessingFailed" }] }), true);
  });
});
