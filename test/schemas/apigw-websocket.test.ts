import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "apigw-websocket",
  results: {},
  required: ["base", "connect", "connect-empty-fields", "disconnect", "binary-message"],
});

describe("WebSocket fixtures and schema details", () => {
  it("has one fixture for each event type, with the fields that event type carries", () => {
    const context = (name: string) => loadEvent("apigw-websocket", name).requestContext;
    assert.deepEqual(["connect", "base", "disconnect"].map((name) => [context(name).eventType, "messageId" in context(name)]), [
      ["CONNECT", false],
      ["MESSAGE", true],
      ["DISCONNECT", false],
    ]);
    assert.equal(context("disconnect").disconnectStatusCode, 1001);
    assert.equal("body" in loadEvent("apigw-websocket", "connect"), false);
  });

  it("fills isBase64Encoded with false when a hand-written event leaves it out", () => {
    const event = loadEvent("apigw-websocket", "base");
    delete event.isBase64Encoded;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.isBase64Encoded, false);
  });

  it("rejects a message direction other than IN", () => {
    const validate = validatorFor("base");
    const event = loadEvent("apigw-websocket", "base");
    event.requestContext.messageDirection = "OUT";
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/requestContext/messageDirection"]);
  });
});
