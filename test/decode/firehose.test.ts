import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "firehose",
  event: "FirehoseTransformationEvent",
  result: "FirehoseTransformationResult",
  nestedObject: "/records/0",
});

describe("decodeFirehoseTransformationEvent details", () => {
  it("decodes the Kinesis metadata of a stream with a Kinesis source", () => {
    const event = events.decodeFirehoseTransformationEvent(JSON.stringify(loadEvent("firehose", "kinesis-source")));
    assert.equal(event.sourceKinesisStreamArn, "arn:aws:kinesis:us-east-1:123456789012:stream/orders-stream");
    assert.equal(event.records[1]!.kinesisRecordMetadata?.partitionKey, "ord-0002");
  });

  it("rejects a result record without recordId at its pointer", () => {
    const text = JSON.stringify({ records: [{ recordId: "a", result: "Ok", data: "eA==" }, { result: "Dropped" }] });
    assertDecodeError(() => events.decodeFirehoseTransformationResult(text), "FirehoseTransformationResult", "/records/1/recordId");
  });
});
