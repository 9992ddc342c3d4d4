import type { SQSRecord } from "../generated/sqs.js";
import type { KataContext } from "../runtime/context.js";
import { decodeSqsBody } from "../runtime/decode/sqs-bodies.js";
import type { RecordFailureCause } from "./sqs-failures.js";

/** Called once per record, with the record's body decoded and validated, and the record itself (its `body` decoded too). */
export type SQSMessageHandler<TBody> = (message: TBody, record: SQSRecord<TBody>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "sqs"`. */
export interface SQSBatchSpec<TBody> {
  name: string;
  decodeBody(input: string | Uint8Array): TBody;
}

/**
 * Decodes one record's body and runs `fn` on it. Returns why the record failed, or undefined when
 * it succeeded; never throws, because one bad record must not fail the records beside it.
 */
export async function processRecord<TBody>(
  spec: SQSBatchSpec<TBody>,
  fn: SQSMessageHandler<TBody>,
  record: SQSRecord,
  index: number,
  context: KataContext,
): Promise<RecordFailureCause | undefined> {
  const decoded = decodeSqsBody(record.body, index, spec.decodeBody);
  if (!decoded.ok) return { reason: "invalid-body", issues: decoded.issues };
  const message = decoded.value;
  try {
    await fn(message, { ...record, body: message }, context);
    return undefined;
  } catch (error) {
    return { reason: "handler-error", error };
  }
}
