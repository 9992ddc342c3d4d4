import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "kafka",
  event: "MSKEvent",
  otherTypes: { "self-managed": "SelfManagedKafkaEvent", "invalid-self-managed-source": "SelfManagedKafkaEvent" },
  nestedObject: "/records/orders-0/0",
});

describe("decodeMSKEvent details", () => {
  it("keeps key and value as the base64 text Lambda delivered", () => {
    const record = events.decodeMSKEvent(JSON.stringify(loadEvent("kafka", "base"))).records["orders-0"]![0]!;
    assert.equal(Buffer.from(record.key!, "base64").toString("utf8"), "ord-0001");
    assert.deepEqual(JSON.parse(Buffer.from(record.value, "base64").toString("utf8")), { orderId: "ord-0001", quantity: 2 });
  });

  it("names a bad record by topic-partition and index", () => {
    const event = loadEvent("kafka", "base");
    event.records["orders-1"][0].timestampType = "INGEST_TIME";
    assertDecodeError(() => events.decodeMSKEvent(JSON.stringify(event)), "MSKEvent", "/records/orders-1/0/timestampType");
  });

  it("decodes a self-managed Kafka event, which has no cluster ARN", () => {
    const event = events.decodeSelfManagedKafkaEvent(JSON.stringify(loadEvent("kafka", "self-managed")));
    assert.equal(event.eventSource, "SelfManagedKafka");
    assert.equal(event.records["payments-0"]![0]!.timestampType, "LOG_APPEND_TIME");
  });
});
