import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

const response = "CloudFrontResponseEvent";
describeDecodeFixtures({
  source: "cloudfront",
  event: "CloudFrontRequestEvent",
  result: "CloudFrontRequestResult",
  otherTypes: { "origin-response": response, "invalid-response-missing-status": response },
  nestedObject: "/Records/0/cf/config",
});

describe("Lambda@Edge results", () => {
  it("accepts null as a request or response result (forward unchanged)", () => {
    assert.equal(events.decodeCloudFrontRequestResult("null"), null);
    assert.equal(events.decodeCloudFrontResponseResult("null"), null);
  });

  it("rejects a forwarded request as a response result", () => {
    assert.equal(events.isCloudFrontResponseResult({ clientIp: "203.0.113.178", method: "GET", uri: "/", querystring: "", headers: {} }), false);
  });
});
