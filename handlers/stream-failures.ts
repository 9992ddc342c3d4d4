import type { DecodeIssue } from "../runtime/decode/index.js";
import { errorFields } from "./record-failures.js";
import { logStructured } from "../runtime/logging/structured.js";

/** Why a stream record stopped its batch. */
export type StreamFailureCause = { reason: "invalid-payload"; issues: DecodeIssue[] } | { reason: "handler-error"; error: unknown };

/** One record of a Kinesis or DynamoDB stream batch reported in `batchItemFailures`. */
export type StreamRecordFailure = StreamFailureCause & {
  source: "Kinesis" | "DynamoDB Streams";
  /** The record's sequence number: the `itemIdentifier` reported back to Lambda. */
  sequenceNumber: string;
  /** JSON Pointer of the record in the event, e.g. `/Records/3`. */
  pointer: string;
  typeName: string;
  awsRequestId: string;
  /** How many records after it were not processed (Lambda sends them again, from this record on). */
  notProcessed: number;
};

/** One JSON log line per failed stream record, findable by its sequence number. */
export function logStreamFailure(failure: StreamRecordFailure): void {
  const { reason, source, sequenceNumber, pointer, awsRequestId, notProcessed, typeName } = failure;
  const after = `${notProcessed} later record${notProcessed === 1 ? " was" : "s were"} not processed; Lambda retries the shard from this record.`;
  const specifics =
    failure.reason === "invalid-payload"
      ? { message: `${source} record is not a valid ${typeName}: not passed to the handler. ${after} Fix the producer, or let the on-failure destination take it.`, issues: failure.issues }
      : { message: `${typeName} handler threw. ${after}`, ...errorFields(failure.error) };
  logStructured("ERROR", { reason, sequenceNumber, pointer, awsRequestId, notProcessed, ...specifics });
}
