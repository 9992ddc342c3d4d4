// Type tests for the stream and envelope handlers, checked by `tsc -p .` (never run). Every
// `@ts-expect-error` line must stay an error.
import { drop } from "../../handlers/firehose.js";
import type { S3Event } from "../../generated/s3.js";
import { onOrderNotice, onOrderNoticeQueue, onOrderStream } from "../generated/index.js";
import {
  onAppLog,
  onChatMessage,
  onOrderDelivery,
  onOrderItem,
  onOrderItemTotals,
  onOrderRecord,
  onOrderTotals,
  onPlacedQueue,
  onUploadQueue,
  type OrderItem,
  type OrderItemTotals,
  type OrderRecordKey,
  type OrderTotals,
} from "../generated/sources/index.js";
import type { TumblingWindow } from "../../handlers/kinesis-window.js";

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

// Tumbling windows: the state's type comes from `initial` (or is given), and reduce returns a new state.
interface Totals {
  count: number;
  skus: string[];
}
export const kinesisWindow = onOrderTotals({
  initial: (): Totals => ({ count: 0, skus: [] }),
  reduce: (state, data, record, window) => {
    expectType<Equal<typeof data, OrderTotals>>(true);
    expectType<Equal<typeof record.kinesis.data, OrderTotals>>(true);
    expectType<Equal<typeof window, TumblingWindow>>(true);
    // @ts-expect-error -- the state is read-only: return a new one, so that a failing record leaves it as it was.
    state.count++;
    // @ts-expect-error -- read-only all the way down.
    state.skus.push("x");
    return { ...state, count: state.count + 1, skus: [...state.skus, ...(data.items ?? [])] };
  },
  onWindowEnd: (state, window) => void [state.count.toFixed(), window.isFinal, window.terminatedEarly, window.shardId],
});
// @ts-expect-error -- an empty object is not a Totals: a window that starts without state needs `initial`.
onOrderTotals<Totals>({ reduce: (state) => state });
// A state type that an empty object is needs no `initial`.
onOrderTotals<{ [orderId: string]: number }>({ reduce: (state, data) => ({ ...state, [data.orderId]: (state[data.orderId] ?? 0) + data.quantity }) });
// @ts-expect-error -- reduce returns the new state, not nothing.
onOrderTotals<Totals>({ initial: () => ({ count: 0, skus: [] }), reduce: () => {} });
export const dynamodbWindow = onOrderItemTotals({
  initial: () => ({ quantity: 0 }),
  reduce: (state, record) => {
    expectType<Equal<typeof record.dynamodb.NewImage, OrderItemTotals | undefined>>(true);
    return { quantity: state.quantity + (record.dynamodb.NewImage?.quantity ?? 0) };
  },
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
