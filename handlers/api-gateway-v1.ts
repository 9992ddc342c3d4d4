import { assertAPIGatewayProxyEvent, decodeAPIGatewayProxyEvent, type APIGatewayProxyEvent, type APIGatewayProxyResult } from "../generated/apigw-v1.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import type { ApiRequestSpec } from "./api-body.js";
import { apiHandler, type ApiEventHandler, type DecodedApiEvent } from "./api-handler.js";

type SentQuery = APIGatewayProxyEvent["queryStringParameters"];
type SentPath = APIGatewayProxyEvent["pathParameters"];

/** A REST API (payload format 1.0) request as `fn` sees it. */
export type ApiGatewayV1Request<TBody, TQuery = SentQuery, TPath = SentPath> = DecodedApiEvent<APIGatewayProxyEvent, TBody, TQuery, TPath>;

export type ApiGatewayV1Handler<TBody, TQuery = SentQuery, TPath = SentPath> = ApiEventHandler<APIGatewayProxyEvent, APIGatewayProxyResult, TBody, TQuery, TPath>;

/** Handler for an `apigw-v1` entry: `fn(body, event, context)` answers with an `APIGatewayProxyResult`. */
export function apiGatewayV1Handler<TBody = undefined, TQuery = SentQuery, TPath = SentPath>(
  spec: ApiRequestSpec<TBody, TQuery, TPath>,
  fn: ApiGatewayV1Handler<TBody, TQuery, TPath>,
): KataHandler<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return apiHandler({ decode: decodeAPIGatewayProxyEvent, assert: assertAPIGatewayProxyEvent }, spec, fn);
}
