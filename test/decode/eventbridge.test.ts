import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "eventbridge",
  event: "EventBridgeEvent",
  nestedObject: "/detail",
});

describe("decodeEventBridgeEvent details", () => {
  it("accepts any JSON object as detail", () => {
    const event = loadEvent("eventbridge", "base");
    event.detail = { nested: { list: [1, "two", null] } };
    assert.deepEqual(events.decodeEventBridgeEvent(JSON.stringify(event)).detail, event.detail);
  });

  it("names the missing field at its own pointer", () => {
    const event = loadEvent("eventbridge", "base");
    delete event.source;
    assertDecodeError(() => events.decodeEventBridgeEvent(JSON.stringify(event)), "EventBridgeEvent", "/source");
  });
});
