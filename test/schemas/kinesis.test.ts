import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const WINDOW = "KinesisStreamTumblingWindowEvent";

const { validatorFor } = describeSchemaFixtures({
  source: "kinesis",
  results: {
    result: "KinesisStreamBatchResponse",
    "result-state": "KinesisStreamStateResponse",
    "invalid-result-state-missing": "KinesisStreamStateResponse",
    "tumbling-window": WINDOW,
    "tumbling-window-final": WINDOW,
    "invalid-window-final-flag-missing": WINDOW,
  },
  required: ["base", "encryption-type"],
});

describe("Kinesis fixtures and schema details", () => {
  it("base carries two JSON orders, base64-encoded, in sequence order", () => {
    const records = loadEvent("kinesis", "base").Records as Array<{ kinesis: { data: string; sequenceNumber: string } }>;
    const orders = records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, "base64").toString("utf8")) as { orderId: string });
    assert.deepEqual(orders.map((o) => o.orderId), ["ord-0001", "ord-0002"]);
    assert.ok(BigInt(records[0]!.kinesis.sequenceNumber) < BigInt(records[1]!.kinesis.sequenceNumber));
  });

  it("fills the constant envelope fields that hand-written events leave out", () => {
    const event = loadEvent("kinesis", "base");
    const record = event.Records[0];
    delete record.eventSource;
    delete record.eventName;
    delete record.eventVersion;
    delete record.kinesis.kinesisSchemaVersion;
    assert.equal(validatorFor("base")(event), true);
    assert.deepEqual([record.eventSource, record.eventName, record.eventVersion, record.kinesis.kinesisSchemaVersion], ["aws:kinesis", "aws:kinesis:record", "1.0", "1.0"]);
  });

  it("does not invent a sequence number or a partition key", () => {
    const validate = validatorFor("base");
    const event = loadEvent("kinesis", "base");
    delete event.Records[0].kinesis.partitionKey;
    delete event.Records[0].kinesis.sequenceNumber;
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/kinesis/partitionKey", "/Records/0/kinesis/sequenceNumber"]);
  });

  it("accepts a tumbling window event without state, as at the start of a window", () => {
    const event = loadEvent("kinesis", "tumbling-window");
    delete event.state;
    assert.equal(validatorFor("tumbling-window")(event), true);
  });

  it("rejects a tumbling window result whose state is not an object", () => {
    const validate = validatorFor("result-state");
    assert.equal(validate({ state: [1, 2] }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/state"]);
  });
});
