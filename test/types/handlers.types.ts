// Type tests for the typed handlers, checked by `tsc -p .` (never run). Every `@ts-expect-error`
// line must stay an error: if a wrapper stops catching a wrong field or result, tsc fails on the
// now unused directive.
import { onAPIGatewayProxyV2, onEventBridge, onSQS, routeEvents, type RoutedEvent } from "../../handlers/index.js";
import type { KataHandler } from "../../runtime/typed-handler.js";
import type { EventBridgeEvent } from "../../generated/eventbridge.js";
import {
  onCreateOrder,
  onCreateOrderV1,
  onOrderMessage,
  onOrderPlaced,
  onOrderShipped,
  onReindex,
  type OrderPlacedEvent,
  type OrderShippedEvent,
  type Reindex,
} from "../generated/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_proof: T) => _proof;

// SQS: the message is the body's type; the record carries it too.
export const sqs = onOrderMessage(async (message, record, context) => {
  const quantity: number = message.quantity;
  const sameBody: string = record.body.orderId;
  // @ts-expect-error -- OrderMessage has `orderId`, not `orderID`.
  message.orderID;
  // @ts-expect-error -- `quantity` is a number.
  const text: string = message.quantity;
  void [quantity, sameBody, text, context.awsRequestId];
});
// @ts-expect-error -- concurrency is a number.
onOrderMessage(() => {}, { concurrency: "3" });
// @ts-expect-error -- only "batch" and "per-group" exist.
onOrderMessage(() => {}, { fifo: "strict" });
// @ts-expect-error -- the raw text body is a string, not an OrderMessage.
onSQS((body) => body.orderId);

// EventBridge: typed detail and literal detail-type.
export const placed = onOrderPlaced(async (event) => {
  expectType<Equal<typeof event["detail-type"], "Order Placed">>(true);
  const amount: number = event.detail.total.amount;
  // @ts-expect-error -- no such field in OrderPlaced.
  event.detail.totalAmount;
  // @ts-expect-error -- the detail-type can only be "Order Placed".
  if (event["detail-type"] === "Order Shipped") return;
  void amount;
});

// routeEvents: the router's event is the union of its routes' events.
const routes = { OrderPlaced: onOrderPlaced(() => 1), OrderShipped: onOrderShipped(() => "x"), default: onEventBridge(() => true) };
expectType<Equal<RoutedEvent<typeof routes>, OrderPlacedEvent | OrderShippedEvent | EventBridgeEvent<string, unknown>>>(true);
export const router: KataHandler<RoutedEvent<typeof routes>, number | string | boolean> = routeEvents(routes);
// @ts-expect-error -- a route must be a kata EventBridge handler, not a bare function.
routeEvents({ OrderPlaced: async (event: OrderPlacedEvent) => event.id });

// API Gateway v2: typed body, query and path; the result must be an API Gateway v2 result.
// (tsc reports a wrong result at the function passed, so the directive sits above the call.)
export const createOrder = onCreateOrder(async (body, event) => {
  const lines: number = body.lines.length;
  const dryRun: "true" | "false" | undefined = event.queryStringParameters.dryRun;
  const tenant: string = event.pathParameters.tenantId;
  // @ts-expect-error -- CreateOrder has `customerId`, not `customerID`.
  body.customerID;
  // @ts-expect-error -- query values are the schema's strings, not numbers.
  const flag: number = event.queryStringParameters.dryRun;
  void [lines, dryRun, tenant, flag];
  return { statusCode: 201, body: "{}" };
});
// @ts-expect-error -- API Gateway results have `statusCode`, not `status`.
onCreateOrder(async () => ({ status: 201 }));
// @ts-expect-error -- statusCode is a number.
onCreateOrder(async () => ({ statusCode: "201", body: "{}" }));
// @ts-expect-error -- the body of a result is text.
onCreateOrder(async () => ({ statusCode: 201, body: { created: true } }));
// @ts-expect-error -- the untyped wrapper's result must be an API Gateway v2 result too.
onAPIGatewayProxyV2(async () => ({ statusCode: 200, body: 42 }));

// API Gateway v1: same, with the REST API result.
export const createOrderV1 = onCreateOrderV1(async (body, event) => {
  const method: string = event.httpMethod;
  // @ts-expect-error -- no such field in CreateOrderV1.
  body.customer;
  void method;
  return { statusCode: 200 };
});
// @ts-expect-error -- a REST API result needs a statusCode.
onCreateOrderV1(async () => ({ body: "ok" }));

// Plain payloads: typed payload, result type carried to the handler's type.
export const reindex = onReindex(async (payload) => {
  const index: "orders" | "customers" = payload.index;
  // @ts-expect-error -- Reindex has `index`, not `indexName`.
  payload.indexName;
  return { index };
});
expectType<Equal<typeof reindex, KataHandler<Reindex, { index: "orders" | "customers" }>>>(true);
