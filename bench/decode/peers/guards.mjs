import { isAPIGatewayProxyEvent, isAPIGatewayProxyEventV2, isEventBridgeEvent, isSQSEvent } from "../guards/envelopes.mjs";
import { isCreateOrder, isCreateOrderQuery, isOrderMessage, isOrderPlaced, isTenantPath } from "../guards/payloads.mjs";

/* Hand-written type guards: parse, then check with plain `typeof` code; the peer with no library at all. */

export class GuardError extends Error {
  name = "GuardError";
}

function guarded(guard, typeName, value) {
  if (!guard(value)) throw new GuardError(`not a valid ${typeName}`);
  return value;
}

function sqsWithBodies(text) {
  const event = guarded(isSQSEvent, "SQSEvent", JSON.parse(text));
  for (const record of event.Records) record.body = guarded(isOrderMessage, "OrderMessage", JSON.parse(record.body));
  return event;
}

function orderPlacedEvent(text) {
  const event = guarded(isEventBridgeEvent, "EventBridgeEvent", JSON.parse(text));
  if (event["detail-type"] !== "Order Placed" || event.source !== "com.example.orders") throw new GuardError("not an Order Placed event");
  guarded(isOrderPlaced, "OrderPlaced", event.detail);
  return event;
}

const apiRequest = (envelopeGuard, params) => (text) => {
  const event = guarded(envelopeGuard, "API request", JSON.parse(text));
  event.body = guarded(isCreateOrder, "CreateOrder", JSON.parse(event.body));
  if (params) {
    event.queryStringParameters = guarded(isCreateOrderQuery, "CreateOrderQuery", event.queryStringParameters ?? {});
    event.pathParameters = guarded(isTenantPath, "TenantPath", event.pathParameters ?? {});
  }
  return event;
};

const envelope = (guard, typeName) => (text) => guarded(guard, typeName, JSON.parse(text));

export const guards = {
  "sqs-10": sqsWithBodies,
  eventbridge: orderPlacedEvent,
  "apigw-v1": apiRequest(isAPIGatewayProxyEvent, false),
  "apigw-v2": apiRequest(isAPIGatewayProxyEventV2, true),
  "sqs-1mb": sqsWithBodies,
  "sqs-10-envelope": envelope(isSQSEvent, "SQSEvent"),
  "eventbridge-envelope": envelope(isEventBridgeEvent, "EventBridgeEvent"),
  "apigw-v1-envelope": envelope(isAPIGatewayProxyEvent, "APIGatewayProxyEvent"),
  "apigw-v2-envelope": envelope(isAPIGatewayProxyEventV2, "APIGatewayProxyEventV2"),
};
