import type { KataContext } from "../runtime/context.js";
import type { DecodedBody } from "../runtime/decode/index.js";
import { reportSafely } from "./record-failures.js";
import { logStreamFailure, type StreamFailureCause, type StreamRecordFailure } from "./stream-failures.js";

export type { StreamRecordFailure };

export interface StreamBatchOptions {
  /** Called for the record that stopped the batch. Default: one JSON line on stderr (`logStreamFailure`). */
  onRecordFailure?: (failure: StreamRecordFailure) => void;
}

/** How one in-order stream source reads its records. */
export interface InOrderStream<TRecord, TValue> {
  source: StreamRecordFailure["source"];
  typeName: string;
  sequenceNumberOf(record: TRecord): string;
  decode(record: TRecord, index: number): DecodedBody<TValue>;
  call(value: TValue, record: TRecord, context: KataContext): Promise<void> | void;
}

export interface StreamBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Kinesis and DynamoDB Streams restart a shard from the lowest sequence number reported, so the
 * records run one after another, in order, and the batch stops at the first record that fails to
 * decode or whose `fn` throws: only that record is reported, and the records after it are not
 * processed (else a retry would process them twice).
 */
export async function processInOrder<TRecord, TValue>(
  stream: InOrderStream<TRecord, TValue>,
  records: readonly TRecord[],
  context: KataContext,
  options: StreamBatchOptions,
): Promise<StreamBatchResponse> {
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    const decoded = stream.decode(record, index);
    let cause: StreamFailureCause | undefined;
    if (!decoded.ok) cause = { reason: "invalid-payload", issues: decoded.issues };
    else {
      try {
        await stream.call(decoded.value, record, context);
      } catch (error) {
        cause = { reason: "handler-error", error };
      }
    }
    if (cause === undefined) continue;
    const sequenceNumber = stream.sequenceNumberOf(record);
    const failure: StreamRecordFailure = {
      ...cause,
      source: stream.source,
      sequenceNumber,
      pointer: `/Records/${index}`,
      typeName: stream.typeName,
      awsRequestId: context.awsRequestId,
      notProcessed: records.length - index - 1,
    };
    reportSafely(options.onRecordFailure ?? logStreamFailure, failure, `${stream.source} record ${sequenceNumber} (/Records/${index})`);
    return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
  }
  return { batchItemFailures: [] };
}
