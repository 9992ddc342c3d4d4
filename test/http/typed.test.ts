import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeALBResult } from "../../generated/alb.js";
import { decodeAPIGatewayProxyResult } from "../../generated/apigw-v1.js";
import { decodeAPIGatewayProxyStructuredResultV2 } from "../../generated/apigw-v2.js";
import { decodeEventBridgeEvent } from "../../generated/eventbridge.js";
import { http } from "../../http/index.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { eventText } from "../support/fixtures.js";
import { albEvent, functionUrlEvent, lambdaContext, PNG, restEvent } from "./events.js";

/** A typed route: the body is decoded by a generated decoder inside the Fetch handler. */
const webhook = http(async (request) => {
  try {
    const event = decodeEventBridgeEvent(await request.text());
    return Response.json({ detailType: event["detail-type"], orderId: (event.detail as { orderId: string }).orderId });
  } catch (error) {
    if (error instanceof DecodeError) return Response.json({ issues: error.issues }, { status: 400 });
    throw error;
  }
});

describe("typed request bodies", () => {
  it("hands the body to a generated decoder exactly as it was sent", async () => {
    const result: any = await webhook(functionUrlEvent({ method: "POST", body: eventText("eventbridge", "order-placed") }), lambdaContext());
    assert.equal(result.statusCode, 200);
    assert.deepEqual(JSON.parse(result.body), { detailType: "Order Placed", orderId: "ord-0042" });
  });

  it("decodes a base64 body too, and the decoder's JSON pointer reaches the client", async () => {
    const invalid = JSON.stringify({ ...JSON.parse(eventText("eventbridge", "order-placed")), resources: "none" });
    const result: any = await webhook(functionUrlEvent({ method: "POST", body: Buffer.from(invalid).toString("base64"), isBase64Encoded: true }), lambdaContext());
    assert.equal(result.statusCode, 400);
    assert.equal(JSON.parse(result.body).issues[0].path, "/resources");
  });
});

describe("results match the built-in result schemas", () => {
  const answer = () => {
    const response = new Response(PNG, { status: 200, headers: { "content-type": "image/png", "x-a": "1" } });
    response.headers.append("set-cookie", "a=1");
    response.headers.append("set-cookie", "b=2");
    return response;
  };

  it("REST API results decode as APIGatewayProxyResult", async () => {
    const result = await http(answer)(restEvent(), lambdaContext());
    assert.deepEqual(decodeAPIGatewayProxyResult(JSON.stringify(result)), result);
  });

  it("HTTP API and Function URL results decode as APIGatewayProxyStructuredResultV2", async () => {
    const result = await http(answer)(functionUrlEvent(), lambdaContext());
    assert.deepEqual(decodeAPIGatewayProxyStructuredResultV2(JSON.stringify(result)), result);
  });

  it("ALB results decode as ALBResult", async () => {
    const result = await http(answer)(albEvent({ multiValue: true }), lambdaContext());
    assert.deepEqual(decodeALBResult(JSON.stringify(result)), result);
  });
});
