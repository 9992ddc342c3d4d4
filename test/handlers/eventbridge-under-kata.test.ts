import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { onEventBridge, routeEvents } from "../../handlers/index.js";
import { onOrderPlaced, onOrderShipped } from "../generated/index.js";
import { orderPlacedEvent, orderShippedEvent } from "./support/events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

describe("EventBridge handler under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(onOrderPlaced(async (event) => ({ orderId: event.detail.orderId, currency: event.detail.total.currency })));
  });
  after(() => loop.stop());

  it("passes the typed event and posts fn's result", async () => {
    const outcome = await loop.invoke(orderPlacedEvent(), "eb-ok");
    assert.equal(outcome.kind, "response");
    assert.deepEqual(outcome.json, { orderId: "ord-42", currency: "EUR" });
  });

  it("posts a DecodeError for another detail-type", async () => {
    const outcome = await loop.invoke(orderShippedEvent(), "eb-type");
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.json.errorType, "DecodeError");
    assert.match(outcome.json.errorMessage, /^OrderPlacedEvent at \/detail-type: must be "Order Placed" \(got "Order Shipped"\)/);
  });

  it("posts a DecodeError for an event from another source", async () => {
    const outcome = await loop.invoke(orderPlacedEvent({ source: "com.example.fraud" }));
    assert.equal(outcome.kind, "error");
    assert.match(outcome.json.errorMessage, /^OrderPlacedEvent at \/source: must be "com.example.orders" \(got "com.example.fraud"\)/);
  });

  it("posts the envelope's DecodeError for something that is not an EventBridge event", async () => {
    const outcome = await loop.invoke({ "detail-type": "Order Placed", detail: {} });
    assert.equal(outcome.kind, "error");
    assert.match(outcome.json.errorMessage, /^EventBridgeEvent at \//);
  });

  it("posts a DecodeError for a detail that fails the schema", async () => {
    const outcome = await loop.invoke(orderPlacedEvent({ detail: { orderId: "ord-42", customerId: "cus_1", total: { amount: 1, currency: "JPY" } } }));
    assert.equal(outcome.kind, "error");
    assert.match(outcome.json.errorMessage, /^OrderPlacedEvent at \/detail\/total\/currency: must be one of/);
  });
});

describe("routeEvents under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      routeEvents({
        OrderPlaced: onOrderPlaced((event) => `placed ${event.detail.orderId}`),
        OrderShipped: onOrderShipped((event) => `shipped via ${event.detail.carrier}`),
      }),
    );
  });
  after(() => loop.stop());

  it("routes by detail-type", async () => {
    assert.equal((await loop.invoke(orderPlacedEvent())).json, "placed ord-42");
    assert.equal((await loop.invoke(orderShippedEvent())).json, "shipped via dhl");
  });

  it("posts an UnroutableEventError naming the known detail-types for an unmatched event", async () => {
    const outcome = await loop.invoke(orderPlacedEvent({ "detail-type": "Order Refunded" }));
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.json.errorType, "UnroutableEventError");
    assert.match(outcome.json.errorMessage, /routeEvents knows: "Order Placed" from com.example.orders \(OrderPlaced\), "Order Shipped" \(OrderShipped\)/);
  });
});

describe("routeEvents with a default under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(routeEvents({ OrderPlaced: onOrderPlaced(() => "placed"), default: onEventBridge((event) => `other: ${event["detail-type"]}`) }));
  });
  after(() => loop.stop());

  it("sends an unmatched event to the default handler", async () => {
    assert.equal((await loop.invoke(orderShippedEvent())).json, "other: Order Shipped");
    assert.equal((await loop.invoke(orderPlacedEvent())).json, "placed");
  });
});
