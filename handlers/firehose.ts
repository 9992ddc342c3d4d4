import {
  assertFirehoseTransformationEvent,
  decodeFirehoseTransformationEvent,
  type FirehoseTransformationEvent,
  type FirehoseTransformationEventRecord,
  type FirehoseTransformationResult,
  type FirehoseTransformationResultRecord,
} from "../generated/firehose.js";
import type { KataContext } from "../runtime/context.js";
import type { DecodeIssue } from "../runtime/decode/index.js";
import { base64Bytes, decodePart } from "../runtime/decode/index.js";
import { firehoseDataPointer } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { errorFields, reportSafely } from "./record-failures.js";
import { typedHandler } from "./typed-handler.js";
import { logStructured } from "../runtime/logging/structured.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeFirehoseData } from "../runtime/decode/index.js";

const DROPPED = Symbol.for("kata.firehose.drop");

/** What `drop()` returns: the record is `Dropped` (intentionally left out of the delivery). */
export interface DropMarker {
  readonly [DROPPED]: true;
}
const DROP: DropMarker = Object.freeze({ [DROPPED]: true as const });

/** Return `drop()` from a Firehose transformer to leave a record out: it is reported `Dropped`. */
export function drop(): DropMarker {
  return DROP;
}

/** A transformed record: text or bytes as they should be delivered, or a value that kata writes as JSON. */
export type FirehoseOutput = string | Uint8Array | object | number | boolean | null;

export type FirehoseRecordOf<TData> = Omit<FirehoseTransformationEventRecord, "data"> & { data: TData };

export interface FirehoseTransformationEventOf<TData> extends Omit<FirehoseTransformationEvent, "records"> {
  records: FirehoseRecordOf<TData>[];
}

export type FirehoseTransformer<TData> = (data: TData, record: FirehoseRecordOf<TData>, context: KataContext) => Promise<FirehoseOutput | DropMarker> | FirehoseOutput | DropMarker;

/** A record that was not transformed: it is `ProcessingFailed`, and Firehose delivers it to the stream's error output. */
export type FirehoseRecordFailure = ({ reason: "invalid-payload"; issues: DecodeIssue[] } | { reason: "handler-error"; error: unknown } | { reason: "response-too-large" }) & {
  recordId: string;
  pointer: string;
  typeName: string;
  awsRequestId: string;
};

export interface FirehoseOptions {
  /** Default: one JSON line on stderr per `ProcessingFailed` record. */
  onRecordFailure?: (failure: FirehoseRecordFailure) => void;
}

export interface FirehoseSpec<TData> {
  name: string;
  decodeData(input: Uint8Array): TData;
}

/** Lambda's limit on a synchronous response, which Firehose's transformation response is. */
export const FIREHOSE_RESPONSE_LIMIT = 6 * 1024 * 1024;

function logFirehoseFailure(failure: FirehoseRecordFailure): void {
  const { reason, recordId, pointer, awsRequestId, typeName } = failure;
  const specifics =
    failure.reason === "invalid-payload"
      ? { message: `Firehose record is not a valid ${typeName}: ProcessingFailed, so Firehose delivers it to the error output.`, issues: failure.issues }
      : failure.reason === "handler-error"
        ? { message: `${typeName} transformer threw: ProcessingFailed.`, ...errorFields(failure.error) }
        : { message: `The transformed records would exceed Lambda's 6 MB response limit: this record is ProcessingFailed with its original data.` };
  logStructured("ERROR", { reason, recordId, pointer, awsRequestId, ...specifics });
}

function encode(output: FirehoseOutput): string {
  if (typeof output === "string") return Buffer.from(output, "utf8").toString("base64");
  if (output instanceof Uint8Array) return Buffer.from(output.buffer, output.byteOffset, output.byteLength).toString("base64");
  return Buffer.from(JSON.stringify(output), "utf8").toString("base64");
}

/** The JSON size of one result record, near enough to keep the response under the limit. */
const sizeOf = (record: FirehoseTransformationResultRecord) => record.recordId.length + (record.data ?? "").length + record.result.length + 40;

/**
 * Firehose transformation handler: each record is `Ok` with what `fn` returned (base64-encoded by
 * kata), `Dropped` when `fn` returns `drop()`, or `ProcessingFailed` when its data fails to decode
 * (its pointer logged) or `fn` throws. A record is never dropped for failing. When the result would
 * pass the 6 MB response limit, transformed records from the end are sent back `ProcessingFailed`
 * with their original data until it fits.
 */
export function firehoseHandler<TData>(spec: FirehoseSpec<TData>, fn: FirehoseTransformer<TData>, options: FirehoseOptions = {}): KataHandler<FirehoseTransformationEvent, FirehoseTransformationResult> {
  const onRecordFailure = options.onRecordFailure ?? logFirehoseFailure;
  const handle = async (event: FirehoseTransformationEvent, context: KataContext): Promise<FirehoseTransformationResult> => {
    const fail = (record: FirehoseTransformationEventRecord, index: number, cause: { reason: "invalid-payload"; issues: DecodeIssue[] } | { reason: "handler-error"; error: unknown } | { reason: "response-too-large" }): FirehoseTransformationResultRecord => {
      const failure = { ...cause, recordId: record.recordId, pointer: `/records/${index}`, typeName: spec.name, awsRequestId: context.awsRequestId };
      reportSafely(onRecordFailure, failure, `Firehose record ${record.recordId} (/records/${index})`);
      return { recordId: record.recordId, result: "ProcessingFailed", data: record.data };
    };
    const results: FirehoseTransformationResultRecord[] = [];
    for (const [index, record] of event.records.entries()) {
      const decoded = decodePart(firehoseDataPointer(index), () => spec.decodeData(base64Bytes(record.data)));
      if (!decoded.ok) {
        results.push(fail(record, index, { reason: "invalid-payload", issues: decoded.issues }));
        continue;
      }
      try {
        const output = await fn(decoded.value, { ...record, data: decoded.value }, context);
        const dropped = typeof output === "object" && output !== null && DROPPED in output;
        results.push(dropped ? { recordId: record.recordId, result: "Dropped", data: record.data } : { recordId: record.recordId, result: "Ok", data: encode(output as FirehoseOutput) });
      } catch (error) {
        results.push(fail(record, index, { reason: "handler-error", error }));
      }
    }
    let size = results.reduce((total, record) => total + sizeOf(record), 20);
    for (let index = results.length - 1; index >= 0 && size > FIREHOSE_RESPONSE_LIMIT; index--) {
      const result = results[index]!;
      const record = event.records[index]!;
      if (result.result !== "Ok" || (result.data ?? "").length <= record.data.length) continue;
      size -= (result.data ?? "").length - record.data.length;
      results[index] = fail(record, index, { reason: "response-too-large" });
    }
    return { records: results };
  };
  return typedHandler({ decode: decodeFirehoseTransformationEvent, assert: assertFirehoseTransformationEvent, handle });
}
