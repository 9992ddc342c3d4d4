import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "alb",
  event: "ALBEvent",
  result: "ALBResult",
  nestedObject: "/requestContext/elb",
});

describe("decodeALBEvent details", () => {
  it("accepts multi-value headers and query parameters as arrays of strings", () => {
    const event = events.decodeALBEvent(JSON.stringify(loadEvent("alb", "multi-value")));
    assert.ok(event.multiValueHeaders && Object.values(event.multiValueHeaders).every(Array.isArray));
  });
});
