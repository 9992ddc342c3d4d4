import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, fixtureNames, issuePath } from "./schema-suite.js";

interface Order {
  orderId: string;
  quantity: number;
  items: string[];
}

const { validatorFor } = describeSchemaFixtures({
  source: "sqs",
  results: { "batch-response": "SQSBatchResponse" },
  required: ["base", "fifo", "message-attributes", "md5-null", "with-trace-header", "ten-records", "dead-letter-source", "unknown-fields"],
});

const records = (name: string) => loadEvent<{ Records: Array<Record<string, unknown> & { body: string }> }>("sqs", name).Records;

describe("SQS fixtures and schema details", () => {
  it("ten-records holds ten JSON orders, the benchmark's payload", () => {
    const bodies = records("ten-records").map((r) => JSON.parse(r.body) as Order);
    assert.equal(bodies.length, 10);
    assert.equal(new Set(bodies.map((o) => o.orderId)).size, 10);
    for (const order of bodies) {
      assert.match(order.orderId, /^ord-\d{4}$/);
      assert.ok(Number.isInteger(order.quantity) && order.quantity > 0);
      assert.ok(order.items.length > 0 && order.items.every((sku) => typeof sku === "string"));
    }
  });

  it("every valid event fixture carries the real MD5 of its body", () => {
    for (const name of fixtureNames("sqs").filter((n) => !n.startsWith("invalid-") && n !== "batch-response")) {
      for (const record of records(name)) {
        assert.equal(record["md5OfBody"], createHash("md5").update(record.body).digest("hex"), name);
      }
    }
  });

  it("accepts md5OfMessageAttributes absent or null but not a number", () => {
    const validate = validatorFor("base");
    const event = loadEvent("sqs", "md5-null");
    assert.equal(validate(event), true);
    delete event.Records[0].md5OfMessageAttributes;
    assert.equal(validate(event), true);
    event.Records[0].md5OfMessageAttributes = 5;
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/md5OfMessageAttributes"]);
  });

  it("rejects a batch item failure without itemIdentifier", () => {
    const validate = validatorFor("batch-response");
    assert.equal(validate({ batchItemFailures: [{ itemIdentifier: "a" }, { id: "b" }] }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/batchItemFailures/1/itemIdentifier"]);
  });

  it("accepts an empty batchItemFailures list (whole batch succeeded)", () => {
    assert.equal(validatorFor("batch-response")({ batchItemFailures: [] }), true);
  });
});
