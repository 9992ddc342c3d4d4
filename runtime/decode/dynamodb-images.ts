import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { unmarshallItem } from "./dynamodb-unmarshall.js";
import { issuesUnder } from "./issues-under.js";
import { decodeEachRecord } from "./record-payloads.js";

/** The images of a stream record (`dynamodb`), raw or decoded. */
export interface StreamImages {
  NewImage?: unknown;
  OldImage?: unknown;
}

export const dynamodbRecordPointer = (index: number): string => `/Records/${index}/dynamodb`;

const IMAGES = ["NewImage", "OldImage"] as const;

/**
 * Unmarshalls each image a stream record has (a `KEYS_ONLY` record has none) and validates it as
 * the entry's item. Returns the record's `dynamodb` with the images replaced (a copy, unless
 * `inPlace`: `decodeNameEvent` owns the event it just parsed); throws DecodeError with pointers
 * under the record's `dynamodb`, e.g. `/NewImage/address/city`.
 */
export function decodeStreamImages<T extends StreamImages>(images: T, typeName: string, assertItem: (value: unknown) => void, inPlace = false): T {
  const decoded = inPlace ? images : { ...images };
  let issues: DecodeIssue[] | undefined;
  for (const image of IMAGES) {
    const raw = images[image];
    if (raw === undefined) continue;
    try {
      decoded[image] = decodeItem(raw, typeName, assertItem);
    } catch (error) {
      (issues ??= []).push(...issuesUnder(`/${image}`, error));
    }
  }
  if (issues !== undefined) throw new DecodeError(typeName, issues);
  return decoded;
}

function decodeItem(image: unknown, typeName: string, assertItem: (value: unknown) => void): Record<string, unknown> {
  const item = unmarshallItem(image, typeName);
  try {
    assertItem(item);
  } catch (error) {
    throw error instanceof DecodeError ? new DecodeError(typeName, explainBigints(item, error.issues)) : error;
  }
  return item;
}

/** `decodeNameEvent` of a DynamoDB entry: every record's images decoded in place, or every issue thrown at once. */
export function decodeDynamoDBImages<T>(event: T, typeName: string, assertItem: (value: unknown) => void): T {
  const records = (event as { Records: { dynamodb: StreamImages }[] }).Records;
  decodeEachRecord(typeName, records, dynamodbRecordPointer, (record) => {
    decodeStreamImages(record.dynamodb, typeName, assertItem, true);
  });
  return event;
}

/** A schema's "must be integer" says little about a number too large for JavaScript: say what to do instead. */
function explainBigints(item: Record<string, unknown>, issues: DecodeIssue[]): DecodeIssue[] {
  return issues.map((issue) => {
    const value = valueAt(item, issue.path);
    if (typeof value !== "bigint") return issue;
    return { path: issue.path, message: `is ${value}, an integer a JavaScript number cannot hold exactly. Give the property "x-kata-bigint": true in the schema to receive it as a bigint.` };
  });
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.split("/").slice(1)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}
