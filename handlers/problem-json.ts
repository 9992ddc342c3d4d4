import type { DecodeIssue } from "../runtime/decode/index.js";

export const PROBLEM_JSON = "application/problem+json";

/** One reason the request was rejected: a JSON Pointer into the request event and what is wrong there. */
export interface ProblemIssue {
  pointer: string;
  message: string;
}

/** An RFC 9457 problem document, with the `issues` extension member listing every problem found. */
export interface ValidationProblem {
  type: "about:blank";
  title: "Bad Request";
  status: 400;
  detail: string;
  issues: ProblemIssue[];
}

/** The 400 answer for a request that does not match its schema, in both API Gateway result formats. */
export interface ProblemResponse {
  statusCode: 400;
  headers: { "content-type": typeof PROBLEM_JSON };
  body: string;
  isBase64Encoded: false;
}

function detailOf(typeName: string, issues: DecodeIssue[]): string {
  const first = issues[0] ?? { path: "", message: "is invalid" };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""}; see issues)` : "";
  return `The request does not match ${typeName}: ${first.path || "/"} ${first.message}${more}.`;
}

export function validationProblem(typeName: string, issues: DecodeIssue[]): ValidationProblem {
  return {
    // "about:blank" says that the problem is just its HTTP status; `issues` carries the specifics.
    type: "about:blank",
    title: "Bad Request",
    status: 400,
    detail: detailOf(typeName, issues),
    issues: issues.map(({ path, message }) => ({ pointer: path, message })),
  };
}

export function problemResponse(problem: ValidationProblem): ProblemResponse {
  return { statusCode: 400, headers: { "content-type": PROBLEM_JSON }, body: JSON.stringify(problem), isBase64Encoded: false };
}
