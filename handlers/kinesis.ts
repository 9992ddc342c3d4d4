import {
  assertKinesisStreamEvent,
  decodeKinesisStreamEvent,
  type KinesisStreamBatchResponse,
  type KinesisStreamEvent,
  type KinesisStreamRecord,
  type KinesisStreamRecordPayload,
} from "../generated/kinesis.js";
import type { KataContext } from "../runtime/context.js";
import { base64Bytes, decodePart } from "../runtime/decode/index.js";
import { kinesisDataPointer } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { processInOrder, type InOrderStream, type StreamBatchOptions } from "./stream-batch.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeKinesisData } from "../runtime/decode/index.js";

export type { StreamBatchOptions };

/** A Kinesis record whose `data` is decoded as `TData`. */
export type KinesisRecordOf<TData> = Omit<KinesisStreamRecord, "kinesis"> & { kinesis: Omit<KinesisStreamRecordPayload, "data"> & { data: TData } };

/** A Kinesis event whose records' `data` are decoded as `TData`. */
export interface KinesisStreamEventOf<TData> {
  Records: KinesisRecordOf<TData>[];
}

/** Called once per record, in shard order, with its data decoded and validated. */
export type KinesisRecordHandler<TData> = (data: TData, record: KinesisRecordOf<TData>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "kinesis"`. */
export interface KinesisStreamSpec<TData> {
  name: string;
  decodeData(input: Uint8Array): TData;
}

/**
 * Kinesis handler with partial batch responses: records run in order, and the batch stops at the
 * first record that fails, which is reported by its sequence number (enable
 * `ReportBatchItemFailures` on the event source mapping). Records after it are not processed.
 */
export function kinesisStreamHandler<TData>(spec: KinesisStreamSpec<TData>, fn: KinesisRecordHandler<TData>, options: StreamBatchOptions = {}): KataHandler<KinesisStreamEvent, KinesisStreamBatchResponse> {
  const records = kinesisRecords(spec);
  const handle = async (event: KinesisStreamEvent, context: KataContext): Promise<KinesisStreamBatchResponse> =>
    processInOrder({ ...records, call: (data, record, callContext) => fn(data, withData(record, data), callContext) }, event.Records, context, options);
  return typedHandler({ decode: decodeKinesisStreamEvent, assert: assertKinesisStreamEvent, handle });
}

/** How a Kinesis batch is read, with or without a tumbling window: by sequence number, each record's base64 `data` decoded. */
export function kinesisRecords<TData>(spec: KinesisStreamSpec<TData>): Omit<InOrderStream<KinesisStreamRecord, TData>, "call"> {
  return {
    source: "Kinesis",
    typeName: spec.name,
    sequenceNumberOf: (record) => record.kinesis.sequenceNumber,
    decode: (record, index) => decodePart(kinesisDataPointer(index), () => spec.decodeData(base64Bytes(record.kinesis.data))),
  };
}

/** The record as `fn` sees it: its `data` decoded. */
export function withData<TData>(record: KinesisStreamRecord, data: TData): KinesisRecordOf<TData> {
  return { ...record, kinesis: { ...record.kinesis, data } };
}
