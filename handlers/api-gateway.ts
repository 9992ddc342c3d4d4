import { assertAPIGatewayProxyEvent, decodeAPIGatewayProxyEvent, type APIGatewayProxyEvent, type APIGatewayProxyResult } from "../generated/apigw-v1.js";
import {
  assertAPIGatewayProxyEventV2,
  decodeAPIGatewayProxyEventV2,
  type APIGatewayProxyEventV2,
  type APIGatewayProxyStructuredResultV2,
} from "../generated/apigw-v2.js";
import { assertAPIGatewayProxyWebsocketEventV2, decodeAPIGatewayProxyWebsocketEventV2, type APIGatewayProxyWebsocketEventV2 } from "../generated/apigw-websocket.js";
import { apiHandlerFactory, type ApiEventHandler, type DecodedApiEvent } from "./api-handler.js";
import { withBody, type RestApiAnswer } from "./rest-answer.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

type V1 = APIGatewayProxyEvent;
type V2 = APIGatewayProxyEventV2;

/** A REST API (payload format 1.0) request as `fn` sees it. */
export type ApiGatewayV1Request<TBody, TQuery = V1["queryStringParameters"], TPath = V1["pathParameters"]> = DecodedApiEvent<V1, TBody, TQuery, TPath>;
export type ApiGatewayV1Handler<TBody, TQuery = V1["queryStringParameters"], TPath = V1["pathParameters"]> = ApiEventHandler<V1, APIGatewayProxyResult, TBody, TQuery, TPath>;

/** An HTTP API (payload format 2.0) request as `fn` sees it. */
export type ApiGatewayV2Request<TBody, TQuery = V2["queryStringParameters"], TPath = V2["pathParameters"]> = DecodedApiEvent<V2, TBody, TQuery, TPath>;
export type ApiGatewayV2Handler<TBody, TQuery = V2["queryStringParameters"], TPath = V2["pathParameters"]> = ApiEventHandler<V2, APIGatewayProxyStructuredResultV2, TBody, TQuery, TPath>;

/** Handler for an `apigw-v1` entry: `fn(body, event, context)` answers with an `APIGatewayProxyResult`. */
export const apiGatewayV1Handler = apiHandlerFactory<V1, APIGatewayProxyResult, RestApiAnswer>({ decode: decodeAPIGatewayProxyEvent, assert: assertAPIGatewayProxyEvent, answer: withBody });

/** Handler for an `apigw-v2` entry: `fn(body, event, context)` answers with an `APIGatewayProxyStructuredResultV2`. */
export const apiGatewayV2Handler = apiHandlerFactory<V2, APIGatewayProxyStructuredResultV2, APIGatewayProxyStructuredResultV2>({
  decode: decodeAPIGatewayProxyEventV2,
  assert: assertAPIGatewayProxyEventV2,
  answer: (result) => result,
});

type WebSocket = APIGatewayProxyWebsocketEventV2;

/** A WebSocket `MESSAGE` event as `fn` sees it. */
export type ApiGatewayWebSocketRequest<TBody> = DecodedApiEvent<WebSocket, TBody, WebSocket["queryStringParameters"], undefined>;
export type ApiGatewayWebSocketHandler<TBody> = ApiEventHandler<WebSocket, APIGatewayProxyStructuredResultV2, TBody, WebSocket["queryStringParameters"], undefined>;

/**
 * Handler for a `websocket` entry: `fn(body, event, context)` runs for a message whose JSON body
 * is valid; any other (or a connect or disconnect event, which has no body) gets 400 problem+json.
 */
export const apiGatewayWebSocketHandler = apiHandlerFactory<WebSocket, APIGatewayProxyStructuredResultV2, APIGatewayProxyStructuredResultV2>({
  decode: decodeAPIGatewayProxyWebsocketEventV2,
  assert: assertAPIGatewayProxyWebsocketEventV2,
  answer: (result) => result,
});
