import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "apigw-authorizer",
  event: "APIGatewayRequestAuthorizerEvent",
  result: "APIGatewayAuthorizerResult",
  otherTypes: {
    token: "APIGatewayTokenAuthorizerEvent",
    "invalid-token-type": "APIGatewayTokenAuthorizerEvent",
  },
  nestedObject: "/requestContext/identity",
});

describe("REST API authorizer events: what AWS's tools leave out", () => {
  it("derives multiValueHeaders and fills null parameter maps for a request event that has only headers", () => {
    const event = loadEvent<Record<string, unknown>>("apigw-authorizer", "base");
    for (const field of ["multiValueHeaders", "multiValueQueryStringParameters", "pathParameters", "stageVariables"]) delete event[field];
    const decoded = events.decodeAPIGatewayRequestAuthorizerEvent(JSON.stringify(event));
    assert.deepEqual(decoded.multiValueHeaders?.["Accept"], ["*/*"]);
    assert.deepEqual(decoded.multiValueQueryStringParameters, { QueryString1: ["queryValue1"] });
    assert.equal(decoded.pathParameters, null);
    assert.equal(decoded.stageVariables, null);
  });

  it("tells a token event from a request event by its type", () => {
    const token = loadEvent("apigw-authorizer", "token");
    assert.equal(events.isAPIGatewayTokenAuthorizerEvent(token), true);
    assert.equal(events.isAPIGatewayRequestAuthorizerEvent(token), false);
  });
});
