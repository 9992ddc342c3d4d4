import type { SQSRecord } from "../generated/sqs.js";
import type { KataContext } from "../runtime/context.js";
import { decodeSqsBody } from "../runtime/decode/index.js";
import type { RecordFailureCause } from "./sqs-failures.js";

/**
 * Called once per record, with the record's message decoded and validated, and the record itself
 * (its `body` decoded too). The message is the body, or for `via: "sns"` the notification's `Message`.
 */
export type SQSMessageHandler<TMessage, TBody = TMessage> = (message: TMessage, record: SQSRecord<TBody>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "sqs"`. */
export interface SQSBatchSpec<TBody> {
  name: string;
  decodeBody(input: string | Uint8Array): TBody;
  /** The envelope each body carries, for an entry with `via`. */
  via?: "sns" | "eventbridge" | "s3" | undefined;
}

/** S3 sends `s3:TestEvent` once when a queue becomes a notification destination: nothing happened to any object. */
function isS3TestEvent(body: unknown): boolean {
  return (body as { Event?: unknown }).Event === "s3:TestEvent";
}

/**
 * Decodes one record's body and runs `fn` on it. Returns why the record failed, or undefined when
 * it succeeded; never throws, because one bad record must not fail the records beside it.
 */
export async function processRecord<TBody, TMessage>(
  spec: SQSBatchSpec<TBody>,
  fn: SQSMessageHandler<TMessage, TBody>,
  record: SQSRecord,
  index: number,
  context: KataContext,
): Promise<RecordFailureCause | undefined> {
  const decoded = decodeSqsBody(record.body, index, spec.decodeBody);
  if (!decoded.ok) return { reason: "invalid-body", issues: decoded.issues };
  const body = decoded.value;
  // The test event is done with, not failed: it must not go back to the queue and on to its dead-letter queue.
  if (spec.via === "s3" && isS3TestEvent(body)) return undefined;
  const message = (spec.via === "sns" ? (body as { Message: unknown }).Message : body) as TMessage;
  try {
    await fn(message, { ...record, body }, context);
    return undefined;
  } catch (error) {
    return { reason: "handler-error", error };
  }
}
