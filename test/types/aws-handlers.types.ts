// Type tests, checked by `tsc -p .` (never run): kata's handlers are @types/aws-lambda handlers.
// Each generated `onName` handler, the built-in wrappers, `routeEvents` and `http()` can be
// assigned to the matching handler type and called with a plain `Context`; the function given to
// them still gets kata's fields (`deadlineMs`, `signal`) without a check.
import type * as aws from "aws-lambda";
import { kataContext, onAPIGatewayProxy, onAPIGatewayProxyV2, onEventBridge, onSQS, routeEvents, type KataContext, type LambdaContext } from "../../index.js";
import { http } from "../../http/index.js";
import {
  onCreateOrder,
  onCreateOrderV1,
  onOrderMessage,
  onOrderNotice,
  onOrderNoticeQueue,
  onOrderPlaced,
  onOrderShipped,
  onOrderStream,
  onReindex,
  type OrderPlaced,
  type Reindex,
} from "../generated/index.js";
import { onAppLog, onChatMessage, onOrderDelivery, onOrderItem, onOrderItemTotals, onOrderRecord, onOrderTotals } from "../generated/sources/index.js";

type Assert<T extends true> = T;
type Assignable<A, B> = [A] extends [B] ? true : false;
type Not<T extends boolean> = T extends true ? false : true;

// ---- Context --------------------------------------------------------------------------------
// A plain Context is a LambdaContext, so it can be passed to any kata handler.
export type ContextIsLambdaContext = Assert<Assignable<aws.Context, LambdaContext>>;
// kata's fields are optional on LambdaContext and present on KataContext.
export type DeadlineOptional = Assert<Assignable<undefined, LambdaContext["deadlineMs"]>>;
export type DeadlinePresent = Assert<Not<Assignable<undefined, KataContext["deadlineMs"]>>>;
export type SignalPresent = Assert<Assignable<KataContext["signal"], AbortSignal>>;
export const fromPlainContext = (context: aws.Context): KataContext => kataContext(context);

// ---- Generated handlers (test/fixtures/config) ----------------------------------------------
const checkContext = (context: KataContext) => void [context.deadlineMs.toFixed(), context.signal.aborted];
export const sqs: aws.SQSHandler = onOrderMessage(async (_message, _record, context) => checkContext(context));
export const placed: aws.EventBridgeHandler<"Order Placed", OrderPlaced, void> = onOrderPlaced(async (_event, context) => checkContext(context));
export const shipped: aws.EventBridgeHandler<"Order Shipped", unknown, string> = onOrderShipped(async () => "shipped");
export const createOrder: aws.APIGatewayProxyHandlerV2 = onCreateOrder(async (_body, _event, context) => {
  checkContext(context);
  return { statusCode: 201, body: "{}" };
});
// kata lets a REST result leave out `body` (@types requires it); the handler answers `body: ""` then.
export const createOrderV1: aws.APIGatewayProxyHandler = onCreateOrderV1(async () => ({ statusCode: 204 }));
export const reindex: aws.Handler<Reindex, { index: string }> = onReindex(async (payload, context) => {
  checkContext(context);
  return { index: payload.index };
});

// Streams, SNS, Kafka, Firehose, CloudWatch Logs and WebSocket entries (test/fixtures/config/sources.kata.config.json).
export const notice: aws.SNSHandler = onOrderNotice(async (_message, _record, context) => checkContext(context));
export const noticeQueue: aws.SQSHandler = onOrderNoticeQueue(async () => {});
export const stream: aws.KinesisStreamHandler = onOrderStream(async (_data, _record, context) => checkContext(context));
export const items: aws.DynamoDBStreamHandler = onOrderItem(async () => {});
// Tumbling windows: the result carries the state. @types has no DynamoDB window handler: the same
// shape as Kinesis's, with DynamoDB records (aws-lambda-go's DynamoDBTimeWindowEvent and its response).
export const totals: aws.KinesisStreamTumblingWindowHandler = onOrderTotals({ initial: () => ({ count: 0 }), reduce: (state, _data, _record, _window, context) => (checkContext(context), { count: state.count + 1 }) });
type DynamoDBWindowHandler = aws.Handler<Omit<aws.KinesisStreamTumblingWindowEvent, "Records"> & aws.DynamoDBStreamEvent, aws.KinesisStreamStateResponse | void>;
export const itemTotals: DynamoDBWindowHandler = onOrderItemTotals({ reduce: (state: { [orderId: string]: number }, record) => ({ ...state, [record.dynamodb.NewImage!.orderId]: 1 }) });
export const kafka: aws.MSKHandler = onOrderRecord(async () => {});
export const delivery: aws.FirehoseTransformationHandler = onOrderDelivery(async (data) => ({ data: JSON.stringify(data) }));
export const appLog: aws.CloudWatchLogsHandler = onAppLog(async () => {});
export const chat: aws.APIGatewayProxyWebsocketHandlerV2 = onChatMessage(async () => ({ statusCode: 200 }));

// ---- Built-in wrappers, routeEvents, http() -------------------------------------------------
export const anySqs: aws.SQSHandler = onSQS(async (body: string) => void body);
export const anyEvent: aws.EventBridgeHandler<string, unknown, boolean> = onEventBridge(async () => true);
export const rest: aws.APIGatewayProxyHandler = onAPIGatewayProxy(async () => ({ statusCode: 200 }));
export const httpApi: aws.APIGatewayProxyHandlerV2 = onAPIGatewayProxyV2(async () => ({ statusCode: 200, body: "ok" }));
export const routed: aws.EventBridgeHandler<string, unknown, number | string> = routeEvents({ OrderPlaced: onOrderPlaced(() => 1), OrderShipped: onOrderShipped(() => "x") });
const app = (_request: Request) => new Response("ok");
export const viaRest: aws.APIGatewayProxyHandler = http(app);
export const viaHttpApi: aws.APIGatewayProxyHandlerV2 = http(app);
export const viaAlb: aws.ALBHandler = http(app);
export const viaUrl: aws.LambdaFunctionURLHandler = http(app);
http((_request, env) => new Response(String(env.context.deadlineMs.toFixed())));

// ---- Called with a plain Context (a unit test's), awaited -----------------------------------
declare const context: aws.Context;
declare const sqsEvent: aws.SQSEvent;
export const batch: Promise<aws.SQSBatchResponse> = onOrderMessage(() => {})(sqsEvent, context);
export const payload: Promise<{ index: string }> = onReindex(async (p) => ({ index: p.index }))({ index: "orders" }, context);
export const response: Promise<aws.APIGatewayProxyResult> = onCreateOrderV1(async () => ({ statusCode: 204 }))({}, context);

// ---- What stays an error --------------------------------------------------------------------
// @ts-expect-error -- an SQS handler is not an EventBridge handler (its result is a batch response).
export const wrongSource: aws.EventBridgeHandler<string, unknown, void> = onOrderMessage(() => {});
// @ts-expect-error -- an API result is not a batch response.
export const wrongResult: aws.SQSHandler = onCreateOrder(async () => ({ statusCode: 200 }));
