import { parse } from "@aws-lambda-powertools/parser";
import { JSONStringified } from "@aws-lambda-powertools/parser/helpers";
import { APIGatewayProxyEventSchema } from "@aws-lambda-powertools/parser/schemas/api-gateway";
import { APIGatewayProxyEventV2Schema } from "@aws-lambda-powertools/parser/schemas/api-gatewayv2";
import { EventBridgeSchema } from "@aws-lambda-powertools/parser/schemas/eventbridge";
import { SqsRecordSchema, SqsSchema } from "@aws-lambda-powertools/parser/schemas/sqs";
import { z } from "zod";
import { CreateOrder, CreateOrderQuery, OrderMessage, OrderPlaced, TenantPath } from "./zod-payloads.mjs";

/*
 * Powertools parser as its documentation shows: the built-in event schema extended with the
 * payload schema (`JSONStringified` for JSON text fields), run by `parse(event, undefined, schema)`.
 * `parse` takes a parsed object, so the text goes through `JSON.parse` first, as in a handler.
 */
const OrderMessageEvent = SqsSchema.extend({ Records: z.array(SqsRecordSchema.extend({ body: JSONStringified(OrderMessage) })) });
const OrderPlacedEvent = EventBridgeSchema.extend({ "detail-type": z.literal("Order Placed"), source: z.literal("com.example.orders"), detail: OrderPlaced });
const CreateOrderV1Event = APIGatewayProxyEventSchema.extend({ body: JSONStringified(CreateOrder) });
const CreateOrderEvent = APIGatewayProxyEventV2Schema.extend({
  body: JSONStringified(CreateOrder),
  queryStringParameters: CreateOrderQuery.optional(),
  pathParameters: TenantPath,
});

const parser = (schema) => (text) => parse(JSON.parse(text), undefined, schema);

export const powertools = {
  "sqs-10": parser(OrderMessageEvent),
  eventbridge: parser(OrderPlacedEvent),
  "apigw-v1": parser(CreateOrderV1Event),
  "apigw-v2": parser(CreateOrderEvent),
  "sqs-1mb": parser(OrderMessageEvent),
  "sqs-10-envelope": parser(SqsSchema),
  "eventbridge-envelope": parser(EventBridgeSchema),
  "apigw-v1-envelope": parser(APIGatewayProxyEventSchema),
  "apigw-v2-envelope": parser(APIGatewayProxyEventV2Schema),
};
