import { describeThrown } from "../error-response.js";
import { DecodeError, type DecodeIssue } from "./decode-error.js";

/**
 * Re-roots the issues found while decoding one part of an event (a record's body, `detail`,
 * a request body) under that part's pointer, so that every issue points into the whole event.
 * A decoder that fails with something other than a DecodeError is reported as one issue at the part.
 */
export function issuesUnder(pointer: string, error: unknown): DecodeIssue[] {
  if (error instanceof DecodeError) return error.issues.map((issue) => ({ path: pointer + issue.path, message: issue.message }));
  return [{ path: pointer, message: `could not be decoded: ${describeThrown(error)}` }];
}
