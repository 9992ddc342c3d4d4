import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";

/** One record's body decoded, or the issues that keep it from being decoded, pointing into the event. */
export type DecodedBody<T> = { ok: true; value: T } | { ok: false; issues: DecodeIssue[] };

export function decodeSqsBody<T>(body: string, index: number, decodeBody: (input: string) => T): DecodedBody<T> {
  try {
    return { ok: true, value: decodeBody(body) };
  } catch (error) {
    return { ok: false, issues: issuesUnder(`/Records/${index}/body`, error) };
  }
}

/**
 * `decodeNameEvent` of an SQS entry: every record's `body` decoded in place (the event was just
 * parsed, nobody else holds it), or the issues of every bad record thrown at once.
 */
export function decodeSqsBodies<T>(event: T, typeName: string, decodeBody: (input: string) => unknown): T {
  const records = (event as { Records: { body: unknown }[] }).Records;
  const issues: DecodeIssue[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    // Inline rather than decodeSqsBody: no result object per record on this hot path.
    try {
      record.body = decodeBody(record.body as string);
    } catch (error) {
      issues.push(...issuesUnder(`/Records/${i}/body`, error));
    }
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return event;
}
