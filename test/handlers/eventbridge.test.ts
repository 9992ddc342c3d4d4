import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HandlerOptionsError, onEventBridge, routeEvents, UnroutableEventError } from "../../handlers/index.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { asDelivered, managedContext } from "./support/context.js";
import { onOrderPlaced, onOrderShipped } from "../generated/index.js";
import { orderPlacedEvent, orderShippedEvent } from "./support/events.js";

/** Asserts a DecodeError of `typeName` whose issues are exactly `issues`. */
function decodeErrorWith(typeName: string, issues: { path: string; message: RegExp }[]) {
  return (error: unknown) => {
    assert.ok(error instanceof DecodeError, `expected a DecodeError, got ${String(error)}`);
    assert.equal(error.typeName, typeName);
    assert.equal(error.issues.length, issues.length, JSON.stringify(error.issues));
    issues.forEach((expected, i) => {
      assert.equal(error.issues[i]?.path, expected.path);
      assert.match(error.issues[i]?.message ?? "", expected.message);
    });
    return true;
  };
}

describe("EventBridge handler (called as the managed runtime does)", () => {
  it("passes the event with its typed detail and literal detail-type, and returns fn's result", async () => {
    const handler = onOrderPlaced(async (event, context) => `${event["detail-type"]}:${event.detail.orderId}:${event.detail.total.amount}:${context.awsRequestId}`);
    assert.equal(await handler(asDelivered(orderPlacedEvent()), managedContext("req-eb")), "Order Placed:ord-42:5990:req-eb");
  });

  it("rejects an event with another detail-type as a decode error, without calling fn", async () => {
    const handler = onOrderPlaced(() => assert.fail("fn must not run"));
    await assert.rejects(
      handler(asDelivered(orderPlacedEvent({ "detail-type": "Order Cancelled" })), managedContext()),
      decodeErrorWith("OrderPlacedEvent", [{ path: "/detail-type", message: /^must be "Order Placed" \(got "Order Cancelled"\)$/ }]),
    );
  });

  it("rejects an event from another source when the entry names its source", async () => {
    const handler = onOrderPlaced(() => assert.fail("fn must not run"));
    await assert.rejects(
      handler(asDelivered(orderPlacedEvent({ source: "com.example.fraud" })), managedContext()),
      decodeErrorWith("OrderPlacedEvent", [{ path: "/source", message: /must be "com.example.orders"/ }]),
    );
  });

  it("rejects a detail that fails the schema, with pointers under /detail", async () => {
    const handler = onOrderPlaced(() => assert.fail("fn must not run"));
    const detail = { orderId: "ord-42", total: { amount: -1, currency: "EUR" } };
    await assert.rejects(
      handler(asDelivered(orderPlacedEvent({ detail })), managedContext()),
      decodeErrorWith("OrderPlacedEvent", [
        { path: "/detail/customerId", message: /required/ },
        { path: "/detail/total/amount", message: /must be >= 0/ },
      ]),
    );
  });

  it("rejects something that is not an EventBridge event with the envelope's decode error", async () => {
    const handler = onOrderPlaced(() => assert.fail("fn must not run"));
    await assert.rejects(handler({ "detail-type": "Order Placed", detail: {} }, managedContext()), (error: unknown) => error instanceof DecodeError && error.typeName === "EventBridgeEvent");
  });

  it("onEventBridge accepts any EventBridge event with its detail untyped", async () => {
    const handler = onEventBridge((event) => [event["detail-type"], event.source]);
    assert.deepEqual(await handler(asDelivered(orderShippedEvent()), managedContext()), ["Order Shipped", "com.example.shipping"]);
  });
});

describe("routeEvents", () => {
  const router = routeEvents({
    OrderPlaced: onOrderPlaced((event) => `placed ${event.detail.orderId} for ${event.detail.customerId}`),
    OrderShipped: onOrderShipped((event) => `shipped ${event.detail.orderId} with ${event.detail.carrier}`),
  });

  it("picks the handler by detail-type", async () => {
    assert.equal(await router(asDelivered(orderPlacedEvent()), managedContext()), "placed ord-42 for cus_4711");
    assert.equal(await router(asDelivered(orderShippedEvent()), managedContext()), "shipped ord-42 with dhl");
  });

  it("validates the chosen route's detail", async () => {
    await assert.rejects(
      router(asDelivered(orderShippedEvent({ detail: { orderId: "ord-42", carrier: "pigeon" } })), managedContext()),
      decodeErrorWith("OrderShippedEvent", [{ path: "/detail/carrier", message: /must be one of/ }]),
    );
  });

  it("rejects an unmatched event with an error that names the detail-types it knows", async () => {
    await assert.rejects(router(asDelivered(orderPlacedEvent({ "detail-type": "Order Refunded" })), managedContext()), (error: unknown) => {
      assert.ok(error instanceof UnroutableEventError);
      assert.equal(error.detailType, "Order Refunded");
      assert.deepEqual(error.known, ['"Order Placed" from com.example.orders (OrderPlaced)', '"Order Shipped" (OrderShipped)']);
      assert.match(error.message, /detail-type "Order Refunded" from source "com.example.orders"/);
      assert.match(error.message, /default: onEventBridge/);
      return true;
    });
  });

  it("treats a known detail-type from a source no route accepts as unmatched", async () => {
    await assert.rejects(router(asDelivered(orderPlacedEvent({ source: "com.example.fraud" })), managedContext()), UnroutableEventError);
  });

  it("sends unmatched events to the default handler when one is given", async () => {
    const withDefault = routeEvents({
      OrderPlaced: onOrderPlaced(() => "placed"),
      default: onEventBridge((event) => `default got ${event["detail-type"]}`),
    });
    assert.equal(await withDefault(asDelivered(orderPlacedEvent()), managedContext()), "placed");
    assert.equal(await withDefault(asDelivered(orderShippedEvent()), managedContext()), "default got Order Shipped");
  });

  it("refuses, at init, tables that cannot route deterministically", () => {
    assert.throws(() => routeEvents({ A: onOrderPlaced(() => {}), B: onOrderPlaced(() => {}) }), {
      name: "HandlerOptionsError",
      message: /"A" and "B" both handle detail-type "Order Placed" from com.example.orders/,
    });
    assert.throws(() => routeEvents({ Anything: onEventBridge(() => {}) }), { message: /"Anything" accepts every event.*"default" key/ });
    assert.throws(() => routeEvents({ Plain: (async () => {}) as never }), HandlerOptionsError);
  });
});
