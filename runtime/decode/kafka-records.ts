import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";
import { pointerSegment } from "./issues.js";
import { base64Bytes } from "./record-payloads.js";

/** The decoders of a Kafka entry: each record's base64 `value`, and its `key` when the entry types it. */
export interface KafkaPayloadSpec {
  decodeValue(input: Uint8Array): unknown;
  decodeKey?: ((input: Uint8Array) => unknown) | undefined;
}

/** The fields of a Kafka record that are decoded. */
export interface RawKafkaRecord {
  key?: unknown;
  value: unknown;
  headers: unknown;
}

/** `/records/<topic>-<partition>/<index>`: records are grouped by partition in the event. */
export function kafkaRecordPointer(partition: string, index: number): string {
  return `/records/${pointerSegment(partition)}/${index}`;
}

/** Header values are bytes chosen by the producer; they are read as UTF-8, an invalid byte as U+FFFD (headers are not typed). */
function headerStrings(headers: unknown): Record<string, string>[] {
  return (headers as Record<string, number[]>[]).map((header) => {
    const out: Record<string, string> = {};
    for (const name of Object.keys(header)) {
      const text = Buffer.from(header[name]!).toString("utf8");
      if (name === "__proto__") Object.defineProperty(out, name, { value: text, enumerable: true, writable: true, configurable: true });
      else out[name] = text;
    }
    return out;
  });
}

/** One record with its value (and key) decoded and its headers as strings. Throws DecodeError with pointers inside the record: `/value/orderId`. */
export function decodeKafkaRecord<R extends RawKafkaRecord>(record: R, typeName: string, spec: KafkaPayloadSpec): R {
  const issues: DecodeIssue[] = [];
  const decoded = { ...record, headers: headerStrings(record.headers) };
  try {
    decoded.value = spec.decodeValue(base64Bytes(record.value as string));
  } catch (error) {
    issues.push(...issuesUnder("/value", error));
  }
  if (spec.decodeKey !== undefined && typeof record.key === "string") {
    try {
      decoded.key = spec.decodeKey(base64Bytes(record.key));
    } catch (error) {
      issues.push(...issuesUnder("/key", error));
    }
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return decoded;
}

/** Every record of the event, partition by partition, each in offset order, with its pointer. */
export function* kafkaRecords<R>(event: { records: Record<string, R[]> }): Generator<{ record: R; partition: string; index: number; pointer: string }> {
  for (const partition of Object.keys(event.records)) {
    const records = event.records[partition]!;
    for (let index = 0; index < records.length; index++) yield { record: records[index]!, partition, index, pointer: kafkaRecordPointer(partition, index) };
  }
}

/** `decodeNameEvent` of a Kafka entry: every record decoded in place, or the issues of every bad record thrown at once. */
export function decodeKafkaRecords<T>(event: T, typeName: string, spec: KafkaPayloadSpec): T {
  const issues: DecodeIssue[] = [];
  const owner = event as unknown as { records: Record<string, RawKafkaRecord[]> };
  for (const { record, partition, index, pointer } of kafkaRecords(owner)) {
    try {
      owner.records[partition]![index] = decodeKafkaRecord(record, typeName, spec);
    } catch (error) {
      issues.push(...issuesUnder(pointer, error));
    }
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return event;
}
