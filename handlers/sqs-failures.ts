import type { DecodeIssue } from "../runtime/decode/index.js";
import { errorFields } from "./record-failures.js";
import { logStructured } from "../runtime/logging/structured.js";

export interface FailureBase {
  /** The record's `messageId`, which is also the `itemIdentifier` reported back to Lambda. */
  messageId: string;
  /** JSON Pointer of the record in the event, e.g. `/Records/3`. */
  pointer: string;
  /** The payload type the record's body is decoded as. */
  typeName: string;
  /** The invocation's request id. */
  awsRequestId: string;
}

/** Why one SQS record was reported in `batchItemFailures`. */
export type RecordFailureCause =
  | { reason: "invalid-body"; issues: DecodeIssue[] }
  | { reason: "handler-error"; error: unknown }
  | { reason: "skipped"; blockedBy: string };

export type SQSRecordFailure = FailureBase & RecordFailureCause;


/** The level, explanation (what happens to the record, what to do) and specifics of one failure. */
function describe(failure: SQSRecordFailure) {
  switch (failure.reason) {
    case "invalid-body":
      return {
        level: "ERROR" as const,
        message: `SQS record body is not a valid ${failure.typeName}: not passed to the handler; it goes back to the queue, then to its dead-letter queue. Fix the producer.`,
        issues: failure.issues,
      };
    case "handler-error":
      return { level: "ERROR" as const, message: `${failure.typeName} handler threw: the record goes back to the queue to be retried.`, ...errorFields(failure.error) };
    case "skipped":
      return {
        level: "WARN" as const,
        message: `Not processed because an earlier record of its FIFO ordering failed (messageId ${failure.blockedBy}): it goes back to the queue so that order is kept.`,
        blockedBy: failure.blockedBy,
      };
  }
}

/** One JSON log line per failed record, so that every failure can be found by `messageId`. */
export function logRecordFailure(failure: SQSRecordFailure): void {
  const { level, message, ...specifics } = describe(failure);
  const { reason, messageId, pointer, awsRequestId } = failure;
  logStructured(level, { message, reason, messageId, pointer, awsRequestId, ...specifics });
}
