import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `schemas/samples/` of the kata package (it ships in the npm package, beside `dist/`). */
export const samplesDir = fileURLToPath(new URL("../../schemas/samples/", import.meta.url));

const DESCRIPTIONS: Record<string, string> = {
  sqs: "Amazon SQS: a batch with one message (JSON body, one message attribute)",
  eventbridge: "Amazon EventBridge: a custom OrderPlaced event",
  "apigw-v1": "API Gateway REST API (payload format 1.0): GET /orders/{id}",
  "apigw-v2": "API Gateway HTTP API (payload format 2.0): POST /orders with a JSON body",
  alb: "Application Load Balancer target: GET /orders",
  "function-url": "Lambda function URL (payload format 2.0): GET /orders",
  // Streams, storage, messaging, CloudWatch and WebSocket APIs (issue 11).
  "apigw-websocket": "API Gateway WebSocket API: a MESSAGE event on the sendmessage route",
  "cloudwatch-logs": "CloudWatch Logs subscription: two log events, gzipped and base64-encoded",
  dynamodb: "DynamoDB Streams: an INSERT with its new image",
  firehose: "Amazon Data Firehose transformation: two JSON records, base64-encoded",
  kafka: "Amazon MSK: one record of topic orders, partition 0",
  kinesis: "Kinesis Data Streams: one record with a base64 JSON order",
  sns: "Amazon SNS: one notification with a JSON message and two attributes",
  s3: "Amazon S3 event notification: ObjectCreated:Put",
  "s3-eventbridge": "Amazon S3 through EventBridge: Object Created",
  "s3-batch": "S3 Batch Operations (schema 1.0): one task",
  "s3-object-lambda": "S3 Object Lambda: a GetObject request",
  activemq: "Amazon MQ for ActiveMQ: one text message",
  rabbitmq: "Amazon MQ for RabbitMQ: one message on queue orders",
  scheduled: "EventBridge schedule rule: a Scheduled Event",
  "cloudwatch-alarm": "CloudWatch alarm action: a metric alarm entering ALARM",
};

/** The event asked for is not a built-in sample. */
export class UnknownSampleError extends Error {
  override readonly name = "UnknownSampleError";
  constructor(readonly source: string) {
    super(`there is no built-in sample event "${source}"; the samples are: ${sampleSources().join(", ")}`);
  }
}

/** Names of the built-in sample events, sorted. */
export function sampleSources(): string[] {
  return readdirSync(samplesDir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

export function describeSample(source: string): string {
  return DESCRIPTIONS[source] ?? `${source} event`;
}

/** The sample's JSON text, as shipped (pretty-printed, ready to edit). */
export function readSample(source: string): string {
  if (!sampleSources().includes(source)) throw new UnknownSampleError(source);
  return readFileSync(`${samplesDir}${source}.json`, "utf8");
}
