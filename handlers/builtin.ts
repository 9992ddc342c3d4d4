import { assertAPIGatewayProxyEvent, decodeAPIGatewayProxyEvent, type APIGatewayProxyEvent, type APIGatewayProxyResult } from "../generated/apigw-v1.js";
import {
  assertAPIGatewayProxyEventV2,
  decodeAPIGatewayProxyEventV2,
  type APIGatewayProxyEventV2,
  type APIGatewayProxyStructuredResultV2,
} from "../generated/apigw-v2.js";
import type { EventBridgeEvent } from "../generated/eventbridge.js";
import type { SQSBatchResponse, SQSEvent } from "../generated/sqs.js";
import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { withBody, type RestApiAnswer } from "./rest-answer.js";
import { routedHandler, type EventBridgeEventHandler, type EventBridgeHandler } from "./eventbridge.js";
import { sqsBatchHandler, type SQSBatchOptions, type SQSMessageHandler } from "./sqs-batch.js";
import { typedHandler } from "./typed-handler.js";

// The wrappers for events whose payload has no schema: the envelope is still decoded and
// validated, so a mis-wired trigger fails loudly instead of reaching `fn` with the wrong shape.

const utf8 = new TextDecoder();
const asText = (input: string | Uint8Array): string => (typeof input === "string" ? input : utf8.decode(input));

/** SQS batch with partial batch responses; `fn` gets each record's body as the string that was sent. */
export function onSQS(fn: SQSMessageHandler<string>, options?: SQSBatchOptions): KataHandler<SQSEvent, SQSBatchResponse> {
  return sqsBatchHandler({ name: "SQSMessage", decodeBody: asText }, fn, options);
}

/** Any EventBridge event. Also the catch-all of `routeEvents({ ..., default: onEventBridge(fn) })`. */
export function onEventBridge<TResult = void>(fn: EventBridgeEventHandler<EventBridgeEvent<string, unknown>, TResult>): EventBridgeHandler<EventBridgeEvent<string, unknown>, TResult> {
  return routedHandler({ name: "EventBridgeEvent", check() {} }, fn);
}

type ApiFn<TEvent, TResult> = (event: TEvent, context: KataContext) => Promise<TResult> | TResult;

/** REST API (payload format 1.0) request, body as sent. */
export function onAPIGatewayProxy(fn: ApiFn<APIGatewayProxyEvent, APIGatewayProxyResult>): KataHandler<APIGatewayProxyEvent, RestApiAnswer> {
  return typedHandler({ decode: decodeAPIGatewayProxyEvent, assert: assertAPIGatewayProxyEvent, handle: async (event: APIGatewayProxyEvent, context: KataContext) => withBody(await fn(event, context)) });
}

/** HTTP API (payload format 2.0) request, body as sent. */
export function onAPIGatewayProxyV2(
  fn: ApiFn<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>,
): KataHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return typedHandler({ decode: decodeAPIGatewayProxyEventV2, assert: assertAPIGatewayProxyEventV2, handle: async (event: APIGatewayProxyEventV2, context: KataContext) => fn(event, context) });
}
