import { gzipSync } from "node:zlib";
import type { DynamoDBStreamEvent } from "../../../generated/dynamodb.js";
import type { FirehoseTransformationEvent } from "../../../generated/firehose.js";
import type { KinesisStreamEvent } from "../../../generated/kinesis.js";
import type { MSKEvent } from "../../../generated/kafka.js";
import type { SNSEvent } from "../../../generated/sns.js";
import { loadEvent } from "../../support/fixtures.js";

// Events of the stream sources, built from the repository's fixtures with the payloads each test is about.

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
/** A payload: a value is sent as its JSON, a string as it is (to send text that is not JSON). */
const text = (payload: unknown) => (typeof payload === "string" ? payload : JSON.stringify(payload));

/** A Kinesis event with one record per payload; sequence numbers are `seq-0`, `seq-1`, ... */
export function kinesisEvent(payloads: unknown[]): KinesisStreamEvent {
  const template = loadEvent<KinesisStreamEvent>("kinesis", "base").Records[0]!;
  return {
    Records: payloads.map((payload, index) => ({
      ...template,
      eventID: `shardId-000000000006:seq-${index}`,
      kinesis: { ...template.kinesis, sequenceNumber: `seq-${index}`, data: base64(text(payload)) },
    })),
  };
}

/** A DynamoDB stream event with one INSERT per NewImage (AttributeValues); sequence numbers are `seq-0`, ... */
export function dynamodbEvent(images: unknown[]): DynamoDBStreamEvent {
  const template = loadEvent<DynamoDBStreamEvent>("dynamodb", "base").Records[0]!;
  return {
    Records: images.map((image, index) => ({
      ...template,
      eventID: `event-${index}`,
      dynamodb: { ...template.dynamodb, Keys: { pk: { S: `ORDER#${index}` } }, NewImage: image as never, SequenceNumber: `seq-${index}` },
    })),
  };
}

/** An OrderItem image as DynamoDB sends it. */
export function orderImage(orderId: string, quantity: number | string = 1): Record<string, unknown> {
  return { pk: { S: `ORDER#${orderId}` }, orderId: { S: orderId }, quantity: { N: String(quantity) }, status: { S: "PLACED" } };
}

export function snsEvent(message: unknown): SNSEvent {
  const event = loadEvent<SNSEvent>("sns", "base");
  event.Records[0]!.Sns.Message = text(message);
  return event;
}

/** A Kafka event: records on partition `orders-0` at offsets 100, 101, ..., each value's JSON and the key `{ customerId }`. */
export function kafkaEvent(values: unknown[], partition = 0): MSKEvent {
  const event = loadEvent<MSKEvent>("kafka", "base");
  const template = Object.values(event.records)[0]![0]!;
  const records = values.map((value, index) => ({
    ...template,
    partition,
    offset: 100 + index,
    key: base64(JSON.stringify({ customerId: `cus-${index}` })),
    value: base64(text(value)),
    headers: [{ traceparent: [...Buffer.from(`trace-${index}`)] }],
  }));
  return { ...event, records: { [`orders-${partition}`]: records } };
}

/** A Firehose transformation event; record ids are `rec-0`, `rec-1`, ... */
export function firehoseEvent(payloads: unknown[]): FirehoseTransformationEvent {
  const event = loadEvent<FirehoseTransformationEvent>("firehose", "base");
  const template = event.records[0]!;
  return { ...event, records: payloads.map((payload, index) => ({ ...template, recordId: `rec-${index}`, data: base64(text(payload)) })) };
}

/** A CloudWatch Logs subscription event whose log events carry these messages. */
export function cloudWatchLogsEvent(messages: unknown[]): { awslogs: { data: string } } {
  const decoded = loadEvent("cloudwatch-logs", "decoded");
  const template = decoded.logEvents[0];
  decoded.logEvents = messages.map((message, index) => ({ ...template, id: `log-${index}`, message: text(message) }));
  return { awslogs: { data: gzipSync(JSON.stringify(decoded)).toString("base64") } };
}

export function websocketEvent(body: unknown): Record<string, unknown> {
  return { ...loadEvent("apigw-websocket", "base"), body: text(body) };
}

/** An SNS notification as SQS receives it with raw message delivery off. */
export function snsNotificationBody(message: unknown): string {
  return JSON.stringify({
    Type: "Notification",
    MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
    TopicArn: "arn:aws:sns:us-east-1:123456789012:orders-topic",
    Subject: null,
    Message: text(message),
    Timestamp: "2026-11-30T09:15:42.123Z",
    SignatureVersion: "1",
    Signature: "EXAMPLE",
    SigningCertURL: "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
    UnsubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
  });
}

/** The window every windowed test event belongs to. */
export const WINDOW = { start: "2020-12-09T07:04:00Z", end: "2020-12-09T07:06:00Z" };

/** A stream event as Lambda sends it on a mapping with a tumbling window: `WINDOW` on shardId-000000000006. */
export function windowed<E extends { Records: unknown[] }>(event: E, fields: { state?: object; final?: boolean; early?: boolean } = {}) {
  return {
    ...event,
    window: WINDOW,
    ...(fields.state === undefined ? {} : { state: fields.state }),
    shardId: "shardId-000000000006",
    eventSourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders",
    isFinalInvokeForWindow: fields.final ?? false,
    isWindowTerminatedEarly: fields.early ?? false,
  };
}
