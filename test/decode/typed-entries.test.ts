import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as entries from "../generated/index.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError } from "./fixture-suite.js";

// The modules test/fixtures/config/kata.config.json generates, fed with copies of the fixtures.

const json = (value: unknown) => JSON.stringify(value);
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const paths = (error: { issues: { path: string }[] }) => error.issues.map((issue) => issue.path);

describe("OrderMessageEvent (sqs)", () => {
  it("parses and validates every record body, from text and from bytes", () => {
    const fixture = loadEvent("sqs", "ten-records");
    const bodies = fixture.Records.map((record: { body: string }) => JSON.parse(record.body));
    for (const input of [json(fixture), bytes(fixture)]) {
      const event = entries.decodeOrderMessageEvent(input);
      assert.deepEqual(event.Records.map((record) => record.body), bodies);
      assert.equal(event.Records[0]!.body.orderId, bodies[0].orderId);
      assert.equal(entries.isOrderMessageEvent(event), true);
    }
  });

  it("reports bad bodies at /Records/<i>/body/..., every record at once", () => {
    const fixture = loadEvent("sqs", "ten-records");
    fixture.Records[3].body = json({ orderId: "ORD-1", quantity: 0 });
    fixture.Records[8].body = json({ quantity: 2 });
    const error = assertDecodeError(() => entries.decodeOrderMessageEvent(json(fixture)), "OrderMessageEvent", "/Records/3/body/orderId");
    assert.deepEqual(paths(error), ["/Records/3/body/orderId", "/Records/3/body/quantity", "/Records/8/body/orderId"]);
    assert.match(error.issues[2]!.message, /required/);
  });

  it("reports a body that is not JSON at /Records/<i>/body with the position", () => {
    const fixture = loadEvent("sqs", "ten-records");
    fixture.Records[5].body = '{"orderId": "ord-1",, "quantity": 1}';
    const error = assertDecodeError(() => entries.decodeOrderMessageEvent(json(fixture)), "OrderMessageEvent", "/Records/5/body");
    assert.match(error.issues[0]!.message, /is not JSON: .*position 20 \(line 1, column 21\)/);
  });

  it("is false for an event whose bodies are still JSON text", () => {
    const fixture = loadEvent("sqs", "ten-records");
    assert.equal(entries.isOrderMessageEvent(fixture), false);
    assertDecodeError(() => entries.assertOrderMessageEvent(fixture), "OrderMessageEvent", "/Records/0/body");
  });

  it("still rejects a broken envelope before looking at bodies", () => {
    const fixture = loadEvent("sqs", "ten-records");
    delete fixture.Records[1].receiptHandle;
    assert.throws(() => entries.decodeOrderMessageEvent(json(fixture)), (error: Error & { issues: { path: string }[] }) => {
      assert.equal(error.name, "DecodeError");
      assert.deepEqual(paths(error), ["/Records/1/receiptHandle"]);
      return true;
    });
  });
});

describe("OrderPlacedEvent and OrderShippedEvent (eventbridge)", () => {
  it("decodes the order-placed fixture with a typed detail", () => {
    const event = entries.decodeOrderPlacedEvent(json(loadEvent("eventbridge", "order-placed")));
    assert.equal(event["detail-type"], "Order Placed");
    assert.equal(event.detail.total.currency, "EUR");
    assert.equal(entries.isOrderPlacedEvent(event), true);
  });

  it("rejects another detail-type at /detail-type", () => {
    const fixture = loadEvent("eventbridge", "order-placed");
    fixture["detail-type"] = "Order Shipped";
    const error = assertDecodeError(() => entries.decodeOrderPlacedEvent(json(fixture)), "OrderPlacedEvent", "/detail-type");
    assert.match(error.message, /must be "Order Placed"/);
    assert.equal(entries.isOrderPlacedEvent(fixture), false);
  });

  it("rejects another source at /source when the entry names one", () => {
    const fixture = loadEvent("eventbridge", "order-placed");
    fixture.source = "com.example.impostor";
    const error = assertDecodeError(() => entries.decodeOrderPlacedEvent(json(fixture)), "OrderPlacedEvent", "/source");
    assert.match(error.message, /must be "com.example.orders"/);
  });

  it("reports a bad detail under /detail, through the shared Money type", () => {
    const fixture = loadEvent("eventbridge", "order-placed");
    fixture.detail.total.currency = "JPY";
    assertDecodeError(() => entries.decodeOrderPlacedEvent(json(fixture)), "OrderPlacedEvent", "/detail/total/currency");
  });

  it("accepts any source when the entry names none", () => {
    const fixture = loadEvent("eventbridge", "order-placed");
    Object.assign(fixture, { "detail-type": "Order Shipped", source: "com.example.warehouse", detail: { orderId: "ord-1", carrier: "dhl", trackingNumber: null } });
    assert.equal(entries.decodeOrderShippedEvent(json(fixture)).detail.carrier, "dhl");
  });
});

/** An HTTP API request for `POST /tenants/{tenantId}/orders`, made from the post-json-body fixture. */
function createOrderRequest(body: unknown = { customerId: "cus-1", lines: [{ sku: "sku-red-mug", quantity: 2 }] }) {
  const event = loadEvent("apigw-v2", "post-json-body");
  event.body = json(body);
  event.pathParameters = { tenantId: "acme" };
  event.queryStringParameters = { dryRun: "true" };
  return event;
}

describe("CreateOrderEvent (apigw-v2 with query and path)", () => {
  it("parses the body and validates query and path parameters", () => {
    const event = entries.decodeCreateOrderEvent(json(createOrderRequest()));
    assert.deepEqual(event.body, { customerId: "cus-1", lines: [{ sku: "sku-red-mug", quantity: 2 }] });
    assert.equal(event.queryStringParameters.dryRun, "true");
    assert.equal(event.pathParameters.tenantId, "acme");
    assert.equal(entries.isCreateOrderEvent(event), true);
    assert.doesNotThrow(() => entries.assertCreateOrderEvent(event));
  });

  it("decodes a base64-encoded body", () => {
    const request = createOrderRequest();
    request.body = Buffer.from(request.body).toString("base64");
    request.isBase64Encoded = true;
    assert.equal(entries.decodeCreateOrderEvent(json(request)).body.customerId, "cus-1");
  });

  it("reports a missing body at /body", () => {
    const request = createOrderRequest();
    delete request.body;
    const error = assertDecodeError(() => entries.decodeCreateOrderEvent(json(request)), "CreateOrderEvent", "/body");
    assert.match(error.message, /required but missing/);
  });

  it("reports bad query and path parameters at their pointers, with the body's issues", () => {
    const request = createOrderRequest({ customerId: "", lines: [] });
    request.queryStringParameters = { dryRun: "maybe" };
    request.pathParameters = { tenantId: "Acme!" };
    const error = assertDecodeError(() => entries.decodeCreateOrderEvent(json(request)), "CreateOrderEvent", "/body/customerId");
    assert.deepEqual(paths(error), ["/body/customerId", "/body/lines", "/queryStringParameters/dryRun", "/pathParameters/tenantId"]);
  });

  it("treats absent query and path parameters as empty objects", () => {
    const request = createOrderRequest();
    delete request.queryStringParameters;
    delete request.pathParameters;
    assertDecodeError(() => entries.decodeCreateOrderEvent(json(request)), "CreateOrderEvent", "/pathParameters/tenantId");
    request.pathParameters = { tenantId: "acme" };
    assert.deepEqual(entries.decodeCreateOrderEvent(json(request)).queryStringParameters, {});
  });

  it("reports an unknown body property (additionalProperties: false) at that property", () => {
    const request = createOrderRequest({ customerId: "cus-1", lines: [{ sku: "a", quantity: 1 }], "coupon/code": "X" });
    const error = assertDecodeError(() => entries.decodeCreateOrderEvent(json(request)), "CreateOrderEvent", "/body/coupon~1code");
    assert.match(error.message, /unknown property/);
  });

  it("is false for a request whose body is still text", () => {
    assert.equal(entries.isCreateOrderEvent(createOrderRequest()), false);
  });
});

describe("CreateOrderV1Event (apigw-v1, body only)", () => {
  it("parses the body with the shared CreateOrder schema", () => {
    const request = loadEvent("apigw-v1", "post-json-body");
    request.body = json({ customerId: "cus-2", lines: [{ sku: "sku-notebook", quantity: 1 }] });
    const event = entries.decodeCreateOrderV1Event(json(request));
    assert.equal(event.body.lines[0]!.sku, "sku-notebook");
    assert.equal(event.queryStringParameters, null);
    assert.equal(entries.isCreateOrderV1Event(event), true);
  });

  it("reports the null body API Gateway sends for a bodyless request at /body", () => {
    const request = loadEvent("apigw-v1", "post-json-body");
    request.body = null;
    assertDecodeError(() => entries.decodeCreateOrderV1Event(json(request)), "CreateOrderV1Event", "/body");
  });
});

describe("typed entries read events as tolerantly as the built-in decoders", () => {
  // decodeNameEvent goes through the built-in decoder; assertNameEvent / isNameEvent through the
  // entry's composite validator (a copy of the built-in schema). Both fill the same values.
  const order = { customerId: "cus-3", lines: [{ sku: "sku-red-mug", quantity: 1 }] };

  it("CreateOrderV1Event: a legacy console test event gets multi-value maps, isBase64Encoded and requestContext.path", () => {
    const request = loadEvent("apigw-v1", "console-template-legacy");
    request.body = json(order);
    const event = entries.decodeCreateOrderV1Event(json(request));
    assert.deepEqual([event.isBase64Encoded, event.requestContext.path, event.requestContext.protocol], [false, "/prod/path/to/resource", "HTTP/1.1"]);
    assert.deepEqual(event.multiValueQueryStringParameters, { foo: ["bar"] });
    const parsed = { ...request, body: order };
    assert.equal(entries.isCreateOrderV1Event(parsed), true);
    assert.deepEqual([parsed.isBase64Encoded, parsed.requestContext.path], [false, "/prod/path/to/resource"]);
  });

  it("CreateOrderV1Event: a missing body is filled with null, then reported as missing at /body", () => {
    const request = loadEvent("apigw-v1", "hand-written-minimal");
    assertDecodeError(() => entries.decodeCreateOrderV1Event(json(request)), "CreateOrderV1Event", "/body");
    assert.equal(entries.isCreateOrderV1Event(request), false);
    assert.equal(request.body, null);
  });

  it("CreateOrderEvent: a Function URL event without route key and stage", () => {
    const request = { ...createOrderRequest(), routeKey: undefined };
    delete request.routeKey;
    delete request.requestContext.routeKey;
    delete request.requestContext.stage;
    const event = entries.decodeCreateOrderEvent(json(request));
    assert.deepEqual([event.routeKey, event.requestContext.routeKey, event.requestContext.stage], ["$default", "$default", "$default"]);
    const parsed = { ...request, body: order };
    entries.assertCreateOrderEvent(parsed);
    assert.deepEqual([parsed.routeKey, parsed.requestContext.stage], ["$default", "$default"]);
  });

  it("OrderPlacedEvent: an event without version and resources", () => {
    const fixture = loadEvent("eventbridge", "hand-written");
    const event = entries.decodeOrderPlacedEvent(json(fixture));
    assert.deepEqual([event.version, event.resources], ["0", []]);
    assert.equal(entries.isOrderPlacedEvent(fixture), true);
    assert.deepEqual([fixture.version, fixture.resources], ["0", []]);
  });

  it("OrderMessageEvent: a record without messageAttributes", () => {
    const fixture = loadEvent("sqs", "ten-records");
    delete fixture.Records[4].messageAttributes;
    assert.deepEqual(entries.decodeOrderMessageEvent(json(fixture)).Records[4]!.messageAttributes, {});
    fixture.Records = fixture.Records.map((record: { body: string }) => ({ ...record, body: JSON.parse(record.body) }));
    entries.assertOrderMessageEvent(fixture);
    assert.deepEqual(fixture.Records[4]!.messageAttributes, {});
  });

  it("still rejects a wrong type at its pointer", () => {
    const request = { ...createOrderRequest(), isBase64Encoded: "no" };
    // decodeNameEvent reports the envelope under the built-in type's name.
    assertDecodeError(() => entries.decodeCreateOrderEvent(json(request)), "APIGatewayProxyEventV2", "/isBase64Encoded");
    assertDecodeError(() => entries.assertCreateOrderEvent({ ...request, body: order }), "CreateOrderEvent", "/isBase64Encoded");
  });
});

describe("ReindexEvent (plain invoke payload)", () => {
  it("decodes a payload and checks enum and date format", () => {
    assert.deepEqual(entries.decodeReindexEvent('{"index":"orders","since":"2024-11-24"}'), { index: "orders", since: "2024-11-24" });
    assertDecodeError(() => entries.decodeReindexEvent('{"index":"invoices"}'), "Reindex", "/index");
    assertDecodeError(() => entries.decodeReindexEvent('{"index":"orders","since":"2024-13-01"}'), "Reindex", "/since");
    assert.equal(entries.isReindexEvent({ index: "customers" }), true);
    assert.throws(() => entries.assertReindexEvent({}), /Reindex at \/index: is required but missing/);
  });
});
