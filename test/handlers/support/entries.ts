// The `onName` wrappers exactly as the generator emits them for the test config
// (test/fixtures/config/kata.config.json), built on the generated test decoders.
import {
  apiGatewayV1Handler,
  apiGatewayV2Handler,
  eventBridgeHandler,
  payloadHandler,
  sqsBatchHandler,
  type ApiGatewayV1Handler,
  type ApiGatewayV2Handler,
  type EventBridgeEventHandler,
  type PayloadHandler,
  type SQSBatchOptions,
  type SQSMessageHandler,
} from "../../../handlers/index.js";
import {
  assertCreateOrderPath,
  assertCreateOrderQuery,
  assertOrderPlaced,
  assertOrderShipped,
  assertReindex,
  decodeCreateOrder,
  decodeCreateOrderV1,
  decodeOrderMessage,
  decodeReindex,
  type CreateOrder,
  type CreateOrderPath,
  type CreateOrderQuery,
  type CreateOrderV1,
  type OrderMessage,
  type OrderPlacedEvent,
  type OrderShippedEvent,
  type Reindex,
} from "../../generated/index.js";

export const onOrderMessage = (fn: SQSMessageHandler<OrderMessage>, options?: SQSBatchOptions) =>
  sqsBatchHandler({ name: "OrderMessage", decodeBody: decodeOrderMessage }, fn, options);

export const onOrderPlaced = <TResult = void>(fn: EventBridgeEventHandler<OrderPlacedEvent, TResult>) =>
  eventBridgeHandler({ name: "OrderPlaced", detailType: "Order Placed", source: "com.example.orders", assertDetail: assertOrderPlaced }, fn);

export const onOrderShipped = <TResult = void>(fn: EventBridgeEventHandler<OrderShippedEvent, TResult>) =>
  eventBridgeHandler({ name: "OrderShipped", detailType: "Order Shipped", assertDetail: assertOrderShipped }, fn);

export const onCreateOrder = (fn: ApiGatewayV2Handler<CreateOrder, CreateOrderQuery, CreateOrderPath>) =>
  apiGatewayV2Handler({ name: "CreateOrder", decodeBody: decodeCreateOrder, assertQuery: assertCreateOrderQuery, assertPath: assertCreateOrderPath }, fn);

export const onCreateOrderV1 = (fn: ApiGatewayV1Handler<CreateOrderV1>) => apiGatewayV1Handler({ name: "CreateOrderV1", decodeBody: decodeCreateOrderV1 }, fn);

export const onReindex = <TResult>(fn: PayloadHandler<Reindex, TResult>) => payloadHandler({ name: "Reindex", decode: decodeReindex, assert: assertReindex }, fn);
