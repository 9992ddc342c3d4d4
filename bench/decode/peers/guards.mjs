import { isAPIGatewayProxyEvent, isAPIGatewayProxyEventV2, isEventBridgeEvent, isSQSEvent } from "../guards/envelopes.mjs";
import { isCreateOrder, isCreateOrderQuery, isOrderMessage, isOrderPlaced, isTenantPath } from "../guards/payloads.mjs";
import { composeDecoders } from "./compose.mjs";

/* Hand-written type guards: parse, then check with plain `typeof` code; the peer with no library at all. */

export class GuardError extends Error {
  name = "GuardError";
}

const isOrderPlacedEvent = (e) =>
  isEventBridgeEvent(e) && e["detail-type"] === "Order Placed" && e.source === "com.example.orders" && isOrderPlaced(e.detail);

export const guards = composeDecoders(
  {
    sqs: isSQSEvent,
    orderMessage: isOrderMessage,
    eventBridge: isEventBridgeEvent,
    orderPlacedEvent: isOrderPlacedEvent,
    apiV1: isAPIGatewayProxyEvent,
    apiV2: isAPIGatewayProxyEventV2,
    createOrder: isCreateOrder,
    createOrderQuery: isCreateOrderQuery,
    tenantPath: isTenantPath,
  },
  (typeName) => new GuardError(`not a valid ${typeName}`),
);
