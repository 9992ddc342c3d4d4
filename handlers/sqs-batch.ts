import { assertSQSEvent, decodeSQSEvent, type SQSBatchResponse, type SQSEvent, type SQSRecord } from "../generated/sqs.js";
import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { forEachConcurrently } from "./concurrency.js";
import { HandlerOptionsError } from "./errors.js";
import { orderedSequences, type FifoMode } from "./fifo.js";
import { reportSafely } from "./record-failures.js";
import { processRecord, type SQSBatchSpec, type SQSMessageHandler } from "./sqs-record.js";
import { logRecordFailure, type RecordFailureCause, type SQSRecordFailure } from "./sqs-failures.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)
export { decodeSnsNotification } from "../runtime/decode/index.js";

export type { SQSBatchSpec, SQSMessageHandler };
export type { SnsNotification } from "../runtime/decode/index.js";

export interface SQSBatchOptions {
  /**
   * Standard queues: how many records run at once (default 1: one after another, in order).
   * FIFO queues with `fifo: "per-group"`: how many message groups run at once. A whole-batch FIFO
   * ordering always runs one record at a time.
   */
  concurrency?: number;
  /** FIFO queues: on a failure, hold back the rest of the batch (`"batch"`, default) or only the rest of that `MessageGroupId` (`"per-group"`). */
  fifo?: FifoMode;
  /** Called for every record reported as failed. Default: one JSON line on stderr (`logRecordFailure`). */
  onRecordFailure?: (failure: SQSRecordFailure) => void;
}

function checkedOptions(name: string, options: SQSBatchOptions) {
  const { concurrency = 1, fifo = "batch", onRecordFailure = logRecordFailure } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new HandlerOptionsError(`on${name}: options.concurrency must be a whole number >= 1 (got ${String(concurrency)}).`);
  }
  if (fifo !== "batch" && fifo !== "per-group") {
    throw new HandlerOptionsError(`on${name}: options.fifo must be "batch" or "per-group" (got ${JSON.stringify(fifo)}).`);
  }
  return { concurrency, fifo, onRecordFailure };
}

/**
 * SQS batch handler with partial batch responses: calls `fn` once per record and answers
 * `{ batchItemFailures }` with every record that failed to decode, threw, or was held back to
 * keep FIFO order. It never throws for one record; only an event that is not an SQS event fails the invocation.
 */
export function sqsBatchHandler<TBody, TMessage = TBody>(spec: SQSBatchSpec<TBody>, fn: SQSMessageHandler<TMessage, TBody>, options: SQSBatchOptions = {}): KataHandler<SQSEvent, SQSBatchResponse> {
  const { concurrency, fifo, onRecordFailure } = checkedOptions(spec.name, options);

  const handle = async (event: SQSEvent, context: KataContext): Promise<SQSBatchResponse> => {
    const records = event.Records;
    const failed = new Set<number>();
    const report = (index: number, cause: RecordFailureCause) => {
      failed.add(index);
      const record = records[index] as SQSRecord;
      // The record is reported all the same: a failing logger must not fail the records that succeeded.
      const failure = { ...cause, messageId: record.messageId, pointer: `/Records/${index}`, typeName: spec.name, awsRequestId: context.awsRequestId };
      reportSafely(onRecordFailure, failure, `SQS record ${record.messageId} (/Records/${index})`);
    };

    await forEachConcurrently(orderedSequences(records, fifo), concurrency, async (sequence) => {
      for (const [position, index] of sequence.entries()) {
        const cause = await processRecord(spec, fn, records[index] as SQSRecord, index, context);
        if (cause === undefined) continue;
        report(index, cause);
        const blockedBy = (records[index] as SQSRecord).messageId;
        for (const later of sequence.slice(position + 1)) report(later, { reason: "skipped", blockedBy });
        return;
      }
    });
    return { batchItemFailures: records.flatMap((record, index) => (failed.has(index) ? [{ itemIdentifier: record.messageId }] : [])) };
  };

  return typedHandler({ decode: decodeSQSEvent, assert: assertSQSEvent, handle });
}
