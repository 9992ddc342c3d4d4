import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "apigw-v2",
  event: "APIGatewayProxyEventV2",
  result: "APIGatewayProxyStructuredResultV2",
  nestedObject: "/requestContext/http",
});

describe("decodeAPIGatewayProxyEventV2 details", () => {
  it("accepts a function URL request (same payload format 2.0)", () => {
    const event = events.decodeAPIGatewayProxyEventV2(JSON.stringify(loadEvent("apigw-v2", "function-url")));
    assert.equal(event.version, "2.0");
  });

  it("rejects a status code that is not an integer in a result", () => {
    assertDecodeError(() => events.decodeAPIGatewayProxyStructuredResultV2('{"statusCode": 200.5}'), "APIGatewayProxyStructuredResultV2", "/statusCode");
  });
});
