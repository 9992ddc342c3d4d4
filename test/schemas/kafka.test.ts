import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "kafka",
  results: { "self-managed": "SelfManagedKafkaEvent", "invalid-self-managed-source": "SelfManagedKafkaEvent" },
  required: ["base"],
});

describe("Kafka fixtures and schema details", () => {
  it("groups records by topic-partition, in offset order", () => {
    const records = loadEvent("kafka", "base").records as Record<string, Array<{ topic: string; partition: number; offset: number }>>;
    for (const [key, list] of Object.entries(records)) {
      for (const record of list) assert.equal(`${record.topic}-${record.partition}`, key);
      assert.deepEqual(list.map((r) => r.offset), [...list.map((r) => r.offset)].sort((a, b) => a - b));
    }
  });

  it("header values are the bytes of their text", () => {
    const header = loadEvent("kafka", "base").records["orders-1"][0].headers[0];
    assert.equal(Buffer.from(header.headerKey as number[]).toString("utf8"), "headerValue");
  });

  it("accepts a record without a key, as Lambda sends one the producer sent without a key", () => {
    assert.equal("key" in loadEvent("kafka", "base").records["orders-1"][0], false);
  });

  it("keeps MSK and self-managed events apart by eventSource", () => {
    const msk = validatorFor("base");
    assert.equal(msk(loadEvent("kafka", "self-managed")), false);
    assert.deepEqual(msk.errors?.map(issuePath), ["/eventSourceArn", "/eventSource"]);
  });

  it("fills eventSource, the only constant, in an MSK event", () => {
    const event = loadEvent("kafka", "base");
    delete event.eventSource;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.eventSource, "aws:kafka");
  });
});
