import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

const WINDOW = "KinesisStreamTumblingWindowEvent";

describeDecodeFixtures({
  source: "kinesis",
  event: "KinesisStreamEvent",
  result: "KinesisStreamBatchResponse",
  otherTypes: {
    "tumbling-window": WINDOW,
    "tumbling-window-final": WINDOW,
    "invalid-window-final-flag-missing": WINDOW,
    "result-state": "KinesisStreamStateResponse",
    "invalid-result-state-missing": "KinesisStreamStateResponse",
  },
  nestedObject: "/Records/0/kinesis",
});

describe("decodeKinesisStreamEvent details", () => {
  it("keeps data as the base64 text Kinesis delivered, and keeps encryptionType", () => {
    const event = events.decodeKinesisStreamEvent(JSON.stringify(loadEvent("kinesis", "encryption-type")));
    const payload = event.Records[0]!.kinesis;
    assert.equal(payload.encryptionType, "KMS");
    assert.deepEqual(JSON.parse(Buffer.from(payload.data, "base64").toString("utf8")), { orderId: "ord-0001", quantity: 2 });
  });

  it("fills eventSource, eventName and the versions in the decoded value", () => {
    const event = loadEvent("kinesis", "base");
    for (const record of event.Records) {
      delete record.eventSource;
      delete record.eventName;
      delete record.eventVersion;
    }
    const decoded = events.decodeKinesisStreamEvent(JSON.stringify(event));
    assert.deepEqual(decoded, loadEvent("kinesis", "base"));
  });

  it("names the record whose sequence number is missing", () => {
    const event = loadEvent("kinesis", "base");
    delete event.Records[1].kinesis.sequenceNumber;
    assertDecodeError(() => events.decodeKinesisStreamEvent(JSON.stringify(event)), "KinesisStreamEvent", "/Records/1/kinesis/sequenceNumber");
  });

  it("decodes a tumbling window event with its window and state", () => {
    const event = events.decodeKinesisStreamTumblingWindowEvent(JSON.stringify(loadEvent("kinesis", "tumbling-window")));
    assert.deepEqual(event.window, { start: "2020-12-09T07:04:00Z", end: "2020-12-09T07:06:00Z" });
    assert.deepEqual(event.state, { "1": 282, "2": 715 });
    assert.equal(event.isFinalInvokeForWindow, false);
  });
});
