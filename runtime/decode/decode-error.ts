/** One problem found while decoding: where (a JSON Pointer into the event) and what. */
export interface DecodeIssue {
  /** JSON Pointer (RFC 6901) into the decoded value, e.g. `/Records/0/body/quantity`. `""` is the root. */
  path: string;
  message: string;
}

/**
 * Thrown by every generated `decodeX` when the input is not valid JSON or does not match the
 * schema of `X`. The message starts with the type and the first issue's pointer, so that a log
 * line alone tells where to look.
 */
export class DecodeError extends Error {
  override readonly name = "DecodeError";
  readonly typeName: string;
  readonly issues: DecodeIssue[];

  constructor(typeName: string, issues: DecodeIssue[]) {
    const first = issues[0] ?? { path: "", message: "is invalid" };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
    super(`${typeName} at ${first.path === "" ? "the root" : first.path}: ${first.message}${more}`);
    this.typeName = typeName;
    this.issues = issues;
  }
}
