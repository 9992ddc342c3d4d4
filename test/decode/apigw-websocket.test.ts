import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

const TYPE = "APIGatewayProxyWebsocketEventV2";

describeDecodeFixtures({
  source: "apigw-websocket",
  event: TYPE,
  nestedObject: "/requestContext",
});

describe("decodeAPIGatewayProxyWebsocketEventV2 details", () => {
  it("decodes a connect event with its handshake headers and authorizer context", () => {
    const event = events.decodeAPIGatewayProxyWebsocketEventV2(JSON.stringify(loadEvent("apigw-websocket", "connect")));
    assert.equal(event.requestContext.routeKey, "$connect");
    assert.equal(event.headers?.["Sec-WebSocket-Version"], "13");
    const authorizer = event.requestContext.authorizer;
    assert.equal(typeof authorizer === "object" && authorizer !== null ? authorizer["principalId"] : undefined, "user-42");
  });

  it("accepts the empty authorizer and null messageId that API Gateway has sent on $connect", () => {
    const event = events.decodeAPIGatewayProxyWebsocketEventV2(JSON.stringify(loadEvent("apigw-websocket", "connect-empty-fields")));
    assert.deepEqual([event.requestContext.authorizer, event.requestContext.messageId], ["", null]);
  });

  it("keeps a binary message base64-encoded", () => {
    const event = events.decodeAPIGatewayProxyWebsocketEventV2(JSON.stringify(loadEvent("apigw-websocket", "binary-message")));
    assert.equal(event.isBase64Encoded, true);
    assert.equal(Buffer.from(event.body!, "base64").toString("latin1"), "\u0000\u0001binary");
  });

  it("names a missing connection ID at its pointer", () => {
    const event = loadEvent("apigw-websocket", "disconnect");
    delete event.requestContext.connectionId;
    assertDecodeError(() => events.decodeAPIGatewayProxyWebsocketEventV2(JSON.stringify(event)), TYPE, "/requestContext/connectionId");
  });
});
