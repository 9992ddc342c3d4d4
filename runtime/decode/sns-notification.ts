import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";
import { parseJson } from "./parse-json.js";

/** An SNS notification as SQS receives it from a topic with raw message delivery off, its `Message` decoded. */
export interface SnsNotification<TMessage> {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string | null;
  Message: TMessage;
  Timestamp: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
  UnsubscribeURL?: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

const REQUIRED = ["Type", "MessageId", "TopicArn", "Message", "Timestamp"] as const;

/**
 * An SQS body that is an SNS notification: the notification's own fields are checked by hand (a
 * few strings, cheaper than a validator), then `Message` is decoded as the entry's payload.
 * Issues point inside the body: `/Message/orderId`.
 */
export function decodeSnsNotification<T>(input: string | Uint8Array, typeName: string, decodeMessage: (input: string) => T): SnsNotification<T> {
  const notification = parseJson(typeName, input);
  if (typeof notification !== "object" || notification === null || Array.isArray(notification)) {
    throw new DecodeError(typeName, [{ path: "", message: "is not an SNS notification (a JSON object). Is raw message delivery on? Then use the SQS body schema directly, without \"via\"." }]);
  }
  const fields = notification as Record<string, unknown>;
  const issues: DecodeIssue[] = [];
  for (const name of REQUIRED) {
    if (typeof fields[name] !== "string") issues.push({ path: `/${name}`, message: name in fields ? "must be string" : "is required but missing" });
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  try {
    fields.Message = decodeMessage(fields.Message as string);
  } catch (error) {
    throw new DecodeError(typeName, issuesUnder("/Message", error));
  }
  return notification as SnsNotification<T>;
}
