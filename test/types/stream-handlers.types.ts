// Type tests for the stream and envelope handlers, checked by `tsc -p .` (never run). Every
// `@ts-expect-error` line must stay an error.
import { drop } from "../../handlers/firehose.js";
import type { S3Event } from "../../generated/s3.js";
import { onOrderNotice, onOrderNoticeQueue, onOrderStream } from "../generated/index.js";
import { onAppLog, onChatMessage, onOrderDelivery, onOrderItem, onOrderRecord, onPlacedQueue, onUploadQueue, type OrderItem, type OrderRecordKey } from "../generated/sources/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_proof: T) => _proof;

export const kinesis = onOrderStream((data, record) => {
  const quantity: number = data.quantity;
  const same: string = record.kinesis.data.orderId;
  const sequence: string = record.kinesis.sequenceNumber;
  // @ts-expect-error -- the data is decoded, not a base64 string.
  const text: string = record.kinesis.data;
  void [quantity, same, sequence, text];
});
// @ts-expect-error -- a stream handler takes no concurrency: records run in order.
onOrderStream(() => {}, { concurrency: 2 });

export const dynamodb = onOrderItem((record) => {
  expectType<Equal<typeof record.dynamodb.NewImage, OrderItem | undefined>>(true);
  const ledger: bigint | undefined = record.dynamodb.NewImage?.ledgerId;
  void ledger;
});

export const kafka = onOrderRecord((value, record) => {
  expectType<Equal<typeof record.key, OrderRecordKey | undefined>>(true);
  const header: string | undefined = record.headers[0]?.traceparent;
  const partition: number = record.partition;
  void [value.orderId, header, partition];
});

export const firehose = onOrderDelivery((data) => (data.quantity > 1 ? drop() : `${data.orderId}\n`));

export const sns = onOrderNotice((message, record) => void [message.orderId, record.Sns.MessageId]);

export const logs = onAppLog((data) => data.logEvents.map((logEvent) => logEvent.message.level));

export const websocket = onChatMessage((body) => ({ statusCode: 200, body: body.text }));
// @ts-expect-error -- the body's `action` is the literal "sendmessage".
onChatMessage((body) => ({ statusCode: body.action === "other" ? 1 : 2 }));

export const viaSns = onOrderNoticeQueue((message, record) => void [message.quantity, record.body.TopicArn, record.body.Message.orderId]);
export const viaEventBridge = onPlacedQueue((event) => {
  expectType<Equal<typeof event["detail-type"], "Order Placed">>(true);
  return void event.detail.orderId;
});
export const viaS3 = onUploadQueue((notification) => {
  expectType<Equal<typeof notification, S3Event>>(true);
});
