import { base64Bytes, decodeEachRecord } from "./record-payloads.js";

// The sources whose records carry one JSON payload each: where it is, and how it is decoded.

/** Kinesis: each record's base64 `kinesis.data`. */
export const kinesisDataPointer = (index: number): string => `/Records/${index}/kinesis/data`;

export function decodeKinesisData<T>(event: T, typeName: string, decodeData: (input: Uint8Array) => unknown): T {
  const records = (event as { Records: { kinesis: { data: unknown } }[] }).Records;
  decodeEachRecord(typeName, records, kinesisDataPointer, (record) => {
    record.kinesis.data = decodeData(base64Bytes(record.kinesis.data as string));
  });
  return event;
}

/** Firehose: each record's base64 `data`. */
export const firehoseDataPointer = (index: number): string => `/records/${index}/data`;

export function decodeFirehoseData<T>(event: T, typeName: string, decodeData: (input: Uint8Array) => unknown): T {
  const records = (event as { records: { data: unknown }[] }).records;
  decodeEachRecord(typeName, records, firehoseDataPointer, (record) => {
    record.data = decodeData(base64Bytes(record.data as string));
  });
  return event;
}

/** SNS: each record's `Sns.Message`, JSON text. */
export const snsMessagePointer = (index: number): string => `/Records/${index}/Sns/Message`;

export function decodeSnsMessages<T>(event: T, typeName: string, decodeMessage: (input: string) => unknown): T {
  const records = (event as { Records: { Sns: { Message: unknown } }[] }).Records;
  decodeEachRecord(typeName, records, snsMessagePointer, (record) => {
    record.Sns.Message = decodeMessage(record.Sns.Message as string);
  });
  return event;
}
