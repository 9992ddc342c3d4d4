import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "eventbridge",
  results: {},
  required: ["base", "scheduled", "replay", "order-placed"],
});

describe("EventBridge schema details", () => {
  it("order-placed is the custom Order Placed event the examples use", () => {
    const event = loadEvent("eventbridge", "order-placed");
    assert.equal(event["detail-type"], "Order Placed");
    assert.equal(event.source, "com.example.orders");
    assert.equal(typeof event.detail.orderId, "string");
  });

  it("scheduled events carry an empty detail object", () => {
    const event = loadEvent("eventbridge", "scheduled");
    assert.equal(event["detail-type"], "Scheduled Event");
    assert.deepEqual(event.detail, {});
  });

  it("rejects a detail that is an array, since EventBridge details are objects", () => {
    const validate = validatorFor("base");
    assert.equal(validate({ ...loadEvent("eventbridge", "base"), detail: [] }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/detail"]);
  });

  it("reports every missing envelope field, in schema order, but fills version and resources", () => {
    const validate = validatorFor("base");
    const event: Record<string, unknown> = { detail: {} };
    assert.equal(validate(event), false);
    assert.equal(event.version, "0");
    assert.deepEqual(event.resources, []);
    assert.deepEqual(validate.errors?.map(issuePath), [
      "/id",
      "/detail-type",
      "/source",
      "/account",
      "/time",
      "/region",
    ]);
  });
});
