// The cold-start function as a Powertools user writes it: the parser and the schemas of the same
// five event sources as kata's built-in decoders; BENCH_EVENT_SOURCE (default sqs) picks one.
import { parse } from "@aws-lambda-powertools/parser";
import { AlbSchema } from "@aws-lambda-powertools/parser/schemas/alb";
import { APIGatewayProxyEventSchema } from "@aws-lambda-powertools/parser/schemas/api-gateway";
import { APIGatewayProxyEventV2Schema } from "@aws-lambda-powertools/parser/schemas/api-gatewayv2";
import { EventBridgeSchema } from "@aws-lambda-powertools/parser/schemas/eventbridge";
import { SqsSchema } from "@aws-lambda-powertools/parser/schemas/sqs";

const schemas = { sqs: SqsSchema, eventbridge: EventBridgeSchema, "apigw-v1": APIGatewayProxyEventSchema, "apigw-v2": APIGatewayProxyEventV2Schema, alb: AlbSchema };
const source = process.env.BENCH_EVENT_SOURCE ?? "sqs";

export const handler = async (event) => {
  const parsed = parse(event, undefined, schemas[source]);
  if (source !== "sqs") return { statusCode: 204, body: "" };
  for (const record of parsed.Records) if (record.body.length === 0) throw new Error("empty message");
  return { batchItemFailures: [] };
};
