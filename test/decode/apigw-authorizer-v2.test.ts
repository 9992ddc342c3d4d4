import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "apigw-authorizer-v2",
  event: "APIGatewayRequestAuthorizerEventV2",
  result: "APIGatewaySimpleAuthorizerResult",
  nestedObject: "/requestContext/http",
});

describe("HTTP API authorizer events", () => {
  it("fills an empty cookie list when the request has no cookies", () => {
    const event = loadEvent<Record<string, unknown>>("apigw-authorizer-v2", "base");
    delete event.cookies;
    assert.deepEqual(events.decodeAPIGatewayRequestAuthorizerEventV2(JSON.stringify(event)).cookies, []);
  });
});
