import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";
import type { DecodedBody } from "./sqs-bodies.js";

/** Decodes one payload of an event; the issues of a failure point into the event, under `pointer`. */
export function decodePart<T>(pointer: string, decode: () => T): DecodedBody<T> {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    return { ok: false, issues: issuesUnder(pointer, error) };
  }
}

/**
 * `decodeNameEvent` of a source with one payload per record: `decodeOne` replaces a record's
 * payload in place (the event was just parsed, nobody else holds it), and the issues of every bad
 * record are thrown at once, as SQS bodies are (`decodeSqsBodies`).
 */
export function decodeEachRecord<R>(typeName: string, records: readonly R[], pointerOf: (index: number) => string, decodeOne: (record: R) => void): void {
  const issues: DecodeIssue[] = [];
  for (let i = 0; i < records.length; i++) {
    try {
      decodeOne(records[i]!);
    } catch (error) {
      issues.push(...issuesUnder(pointerOf(i), error));
    }
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
}

/** A base64 field's bytes. AWS sends valid base64; anything else decodes to bytes that fail as JSON, at the same pointer. */
export function base64Bytes(text: string): Uint8Array {
  return Buffer.from(text, "base64");
}
