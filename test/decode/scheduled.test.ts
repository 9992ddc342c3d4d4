import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "scheduled",
  event: "ScheduledEvent",
  nestedObject: "/detail",
});

describe("decodeScheduledEvent details", () => {
  it("decodes the rule that fired", () => {
    const event = events.decodeScheduledEvent(JSON.stringify(loadEvent("scheduled", "base")));
    assert.deepEqual(event.resources, ["arn:aws:events:us-east-1:123456789012:rule/nightly-report"]);
  });

  it("rejects another detail type at its pointer", () => {
    const event = loadEvent("scheduled", "base");
    event["detail-type"] = "Order Placed";
    assertDecodeError(() => events.decodeScheduledEvent(JSON.stringify(event)), "ScheduledEvent", "/detail-type");
  });
});
