import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "lex",
  event: "LexEvent",
  result: "LexResult",
  nestedObject: "/bot",
});

describe("Lex V1 events as test tools send them", () => {
  it("fills slot details and session and request attributes that a test event leaves out", () => {
    const event = loadEvent<Record<string, any>>("lex", "base");
    delete event.currentIntent.slotDetails;
    delete event.sessionAttributes;
    delete event.requestAttributes;
    const decoded = events.decodeLexEvent(JSON.stringify(event));
    assert.deepEqual([decoded.currentIntent.slotDetails, decoded.sessionAttributes, decoded.requestAttributes], [{}, {}, null]);
  });
});
