import type { KafkaRecord, MSKEvent, SelfManagedKafkaEvent } from "../generated/kafka.js";
import type { KataContext } from "../runtime/context.js";
import { DecodeError, type DecodeIssue } from "../runtime/decode/index.js";
import { decodeKafkaRecord, kafkaRecords, type KafkaPayloadSpec } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { errorFields } from "./record-failures.js";
import { typedHandler } from "./typed-handler.js";
import { logStructured } from "../runtime/logging/structured.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeKafkaRecords } from "../runtime/decode/index.js";

/** An Amazon MSK or a self-managed Apache Kafka event. */
export type KafkaEvent = MSKEvent | SelfManagedKafkaEvent;

/** A Kafka record with its value (and key, when typed) decoded and its headers as strings. */
export type KafkaRecordOf<TValue, TKey = string> = Omit<KafkaRecord, "value" | "key" | "headers"> & { value: TValue; key?: TKey; headers: Record<string, string>[] };

export interface KafkaEventOf<TValue, TKey = string> {
  eventSource: "aws:kafka" | "SelfManagedKafka";
  eventSourceArn?: string;
  bootstrapServers: string;
  records: Record<string, KafkaRecordOf<TValue, TKey>[]>;
}

export type KafkaRecordHandler<TValue, TKey = string> = (value: TValue, record: KafkaRecordOf<TValue, TKey>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "kafka"`. */
export interface KafkaSpec extends KafkaPayloadSpec {
  name: string;
  envelope: { decode(raw: Uint8Array): KafkaEvent; assert(value: unknown): asserts value is KafkaEvent };
}

/** The record that failed a Kafka batch: the invocation fails with it, naming where to look. */
export class KafkaRecordError extends Error {
  override readonly name = "KafkaRecordError";
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: number,
    readonly pointer: string,
    /** Records processed before it, in this invocation. */
    readonly processed: number,
    cause: unknown,
  ) {
    const why = cause instanceof DecodeError ? `failed to decode: ${cause.message}` : `failed: ${cause instanceof Error ? cause.message : String(cause)}`;
    super(`Kafka record ${topic} partition ${partition} offset ${offset} (${pointer}) ${why}. ${processed} earlier record${processed === 1 ? " was" : "s were"} processed; Lambda retries the batch from the start.`, { cause });
  }
}

/**
 * Kafka handler. Lambda has no partial batch response for Kafka, so records run in order and the
 * first record that fails to decode or whose `fn` throws fails the invocation, after the records
 * before it were processed; the error (and a log line) names its partition and offset.
 */
export function kafkaHandler<TValue, TKey = string>(spec: KafkaSpec, fn: KafkaRecordHandler<TValue, TKey>): KataHandler<KafkaEvent, void> {
  const handle = async (event: KafkaEvent, context: KataContext): Promise<void> => {
    let processed = 0;
    for (const { record, pointer } of kafkaRecords(event)) {
      try {
        const decoded = decodeKafkaRecord(record, spec.name, spec) as unknown as KafkaRecordOf<TValue, TKey>;
        await fn(decoded.value, decoded, context);
      } catch (cause) {
        const issues: DecodeIssue[] | undefined = cause instanceof DecodeError ? cause.issues.map((issue) => ({ path: pointer + issue.path, message: issue.message })) : undefined;
        const error = new KafkaRecordError(record.topic, record.partition, record.offset, pointer, processed, issues ? new DecodeError(spec.name, issues) : cause);
        const details = issues ? { issues } : errorFields(cause);
        logStructured("ERROR", { message: error.message, topic: record.topic, partition: record.partition, offset: record.offset, pointer, processed, awsRequestId: context.awsRequestId, ...details });
        throw error;
      }
      processed++;
    }
  };
  return typedHandler({ decode: spec.envelope.decode, assert: spec.envelope.assert, handle });
}
