import { assertSNSEvent, decodeSNSEvent, type SNSEvent, type SNSEventRecord, type SNSMessage } from "../generated/sns.js";
import type { KataContext } from "../runtime/context.js";
import { DecodeError } from "../runtime/decode/index.js";
import { decodePart } from "../runtime/decode/index.js";
import { snsMessagePointer } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeSnsMessages } from "../runtime/decode/index.js";

export type SNSEventRecordOf<TMessage> = Omit<SNSEventRecord, "Sns"> & { Sns: Omit<SNSMessage, "Message"> & { Message: TMessage } };

/** An SNS event whose `Message` is decoded as `TMessage`. */
export interface SNSEventOf<TMessage> {
  Records: SNSEventRecordOf<TMessage>[];
}

export type SNSMessageHandler<TMessage> = (message: TMessage, record: SNSEventRecordOf<TMessage>, context: KataContext) => Promise<void> | void;

/** What the generated `onName` passes for an entry with `source: "sns"`. */
export interface SNSSpec<TMessage> {
  name: string;
  decodeMessage(input: string): TMessage;
}

/**
 * SNS handler: SNS invokes asynchronously with one notification. A `Message` that fails to decode
 * is a `DecodeError` (a failed invocation: Lambda retries it, then sends it to the function's
 * dead-letter queue or on-failure destination), and `fn` is not called.
 */
export function snsHandler<TMessage>(spec: SNSSpec<TMessage>, fn: SNSMessageHandler<TMessage>): KataHandler<SNSEvent, void> {
  const handle = async (event: SNSEvent, context: KataContext): Promise<void> => {
    for (const [index, record] of event.Records.entries()) {
      const decoded = decodePart(snsMessagePointer(index), () => spec.decodeMessage(record.Sns.Message));
      if (!decoded.ok) throw new DecodeError(`${spec.name}Event`, decoded.issues);
      await fn(decoded.value, { ...record, Sns: { ...record.Sns, Message: decoded.value } }, context);
    }
  };
  return typedHandler({ decode: decodeSNSEvent, assert: assertSNSEvent, handle });
}
