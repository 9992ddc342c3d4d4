import type { DecodeIssue } from "./decode-error.js";
import type { AjvError } from "./validator.js";

/** RFC 6901: `~` and `/` in a property name are escaped inside a JSON Pointer. */
export function pointerSegment(name: string | number): string {
  return String(name).replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Ajv reports a missing or unknown property at its parent object; a user looks for the property
 * itself, so the pointer is extended to it.
 */
export function issuesFromAjv(errors: readonly AjvError[] | null | undefined, prefix = ""): DecodeIssue[] {
  if (!errors || errors.length === 0) return [{ path: prefix, message: "does not match the schema" }];
  const issues: DecodeIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const issue = toIssue(error, prefix);
    const key = issue.path + "\n" + issue.message;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function toIssue(error: AjvError, prefix: string): DecodeIssue {
  const path = prefix + error.instancePath;
  const { params } = error;
  switch (error.keyword) {
    case "required":
      return { path: `${path}/${pointerSegment(String(params.missingProperty))}`, message: "is required but missing" };
    case "additionalProperties":
    case "unevaluatedProperties":
      return { path: `${path}/${pointerSegment(String(params.additionalProperty ?? params.unevaluatedProperty))}`, message: "is not allowed by the schema (unknown property)" };
    case "const":
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case "enum":
      return { path, message: `must be one of ${JSON.stringify(params.allowedValues)}` };
    default:
      return { path, message: error.message ?? `fails "${error.keyword}"` };
  }
}
