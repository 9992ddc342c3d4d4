import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "apigw-v1",
  event: "APIGatewayProxyEvent",
  result: "APIGatewayProxyResult",
  otherResults: ["invalid-status-code-string"],
  nestedObject: "/requestContext",
});

describe("decodeAPIGatewayProxyEvent details", () => {
  it("keeps a JSON body as text (the envelope decoder does not parse it)", () => {
    const text = JSON.stringify(loadEvent("apigw-v1", "post-json-body"));
    const event = events.decodeAPIGatewayProxyEvent(text);
    assert.equal(typeof event.body, "string");
    assert.deepEqual(event, JSON.parse(text));
  });

  it("escapes a '/' in a header name inside the pointer (RFC 6901)", () => {
    const event = loadEvent("apigw-v1", "base");
    event.headers = { ...event.headers, "a/b~c": 7 };
    assertDecodeError(() => events.decodeAPIGatewayProxyEvent(JSON.stringify(event)), "APIGatewayProxyEvent", "/headers/a~1b~0c");
  });
});
