import { assertAPIGatewayProxyEventV2, decodeAPIGatewayProxyEventV2, type APIGatewayProxyEventV2, type APIGatewayProxyStructuredResultV2 } from "../generated/apigw-v2.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import type { ApiRequestSpec } from "./api-body.js";
import { apiHandler, type ApiEventHandler, type DecodedApiEvent } from "./api-handler.js";

type SentQuery = APIGatewayProxyEventV2["queryStringParameters"];
type SentPath = APIGatewayProxyEventV2["pathParameters"];

/** A HTTP API (payload format 2.0) request as `fn` sees it. */
export type ApiGatewayV2Request<TBody, TQuery = SentQuery, TPath = SentPath> = DecodedApiEvent<APIGatewayProxyEventV2, TBody, TQuery, TPath>;

export type ApiGatewayV2Handler<TBody, TQuery = SentQuery, TPath = SentPath> = ApiEventHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, TBody, TQuery, TPath>;

/** Handler for an `apigw-v2` entry: `fn(body, event, context)` answers with an `APIGatewayProxyStructuredResultV2`. */
export function apiGatewayV2Handler<TBody = undefined, TQuery = SentQuery, TPath = SentPath>(
  spec: ApiRequestSpec<TBody, TQuery, TPath>,
  fn: ApiGatewayV2Handler<TBody, TQuery, TPath>,
): KataHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return apiHandler({ decode: decodeAPIGatewayProxyEventV2, assert: assertAPIGatewayProxyEventV2 }, spec, fn);
}
