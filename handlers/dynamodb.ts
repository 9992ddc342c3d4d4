import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, StreamRecord } from "../generated/dynamodb.js";
import type { KataContext } from "../runtime/context.js";
import { decodeStreamImages, dynamodbRecordPointer } from "../runtime/decode/index.js";
import { decodePart } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { processInOrder, type InOrderStream, type StreamBatchOptions } from "./stream-batch.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeDynamoDBImages } from "../runtime/decode/index.js";
export { unmarshallItem } from "../runtime/decode/index.js";

export type { StreamBatchOptions };

/** A DynamoDB stream record whose images are unmarshalled and decoded as `TItem` (keys stay AttributeValues). */
export type DynamoDBRecordOf<TItem> = Omit<DynamoDBRecord, "dynamodb"> & {
  dynamodb: Omit<StreamRecord, "NewImage" | "OldImage"> & { NewImage?: TItem; OldImage?: TItem };
};

export interface DynamoDBStreamEventOf<TItem> {
  Records: DynamoDBRecordOf<TItem>[];
}

/** Called once per record, in stream order, with its images decoded. */
export type DynamoDBRecordHandler<TItem> = (record: DynamoDBRecordOf<TItem>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "dynamodb"`. */
export interface DynamoDBStreamSpec<TItem> {
  name: string;
  /** The entry's envelope: the stream event with images left to the unmarshaller. */
  envelope: { decode(raw: Uint8Array): DynamoDBStreamEvent; assert(value: unknown): asserts value is DynamoDBStreamEvent };
  assertItem(value: unknown): asserts value is TItem;
}

/**
 * DynamoDB Streams handler with partial batch responses: records run in order, and the batch
 * stops at the first record whose images fail to decode or whose `fn` throws; that record's
 * `SequenceNumber` is reported (enable `ReportBatchItemFailures`). Records after it are not processed.
 */
export function dynamoDBStreamHandler<TItem>(spec: DynamoDBStreamSpec<TItem>, fn: DynamoDBRecordHandler<TItem>, options: StreamBatchOptions = {}): KataHandler<DynamoDBStreamEvent, DynamoDBBatchResponse> {
  const records = dynamodbRecords(spec);
  const handle = async (event: DynamoDBStreamEvent, context: KataContext): Promise<DynamoDBBatchResponse> =>
    processInOrder({ ...records, call: (dynamodb, record, callContext) => fn(withImages(record, dynamodb), callContext) }, event.Records, context, options);
  return typedHandler({ decode: spec.envelope.decode, assert: spec.envelope.assert, handle });
}

/** How a DynamoDB stream batch is read, with or without a tumbling window: by `SequenceNumber`, each record's images unmarshalled and validated. */
export function dynamodbRecords<TItem>(spec: Pick<DynamoDBStreamSpec<TItem>, "name" | "assertItem">): Omit<InOrderStream<DynamoDBRecord, StreamRecord>, "call"> {
  return {
    source: "DynamoDB Streams",
    typeName: spec.name,
    sequenceNumberOf: (record) => record.dynamodb.SequenceNumber,
    decode: (record, index) => decodePart(dynamodbRecordPointer(index), () => decodeStreamImages(record.dynamodb, spec.name, spec.assertItem)),
  };
}

/** The record as `fn` sees it: its images decoded. */
export function withImages<TItem>(record: DynamoDBRecord, dynamodb: StreamRecord): DynamoDBRecordOf<TItem> {
  return { ...record, dynamodb } as DynamoDBRecordOf<TItem>;
}
