import { DecodeError, type DecodeIssue } from "../decode-error.js";
import { issuesFromAjv } from "./issues.js";
import { describeSyntaxError } from "./parse-json.js";
import type { CompiledValidator } from "./validator.js";

/**
 * Lambda delivers some payloads as JSON text inside the event (an SQS record's `body`, an API
 * request's `body`). This parses and validates one such field in place, and adds any problem to
 * `issues` with a pointer that starts at the event's root.
 */
export function decodeJsonField(
  owner: Record<string, unknown>,
  key: string,
  validate: CompiledValidator,
  path: string,
  issues: DecodeIssue[],
  base64 = false,
): boolean {
  const raw = owner[key];
  if (typeof raw !== "string") {
    issues.push({ path, message: raw === undefined || raw === null ? "is required but missing (expected a JSON body)" : "must be a string of JSON" });
    return false;
  }
  const text = base64 ? Buffer.from(raw, "base64").toString("utf8") : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    issues.push({ path, message: describeSyntaxError(error, text) });
    return false;
  }
  if (!validate(value)) {
    issues.push(...issuesFromAjv(validate.errors, path));
    return false;
  }
  owner[key] = value;
  return true;
}

/** Every SQS record's `body`, parsed and validated; all bad records are reported at once. */
export function decodeSqsBodies<T>(event: T, typeName: string, validateBody: CompiledValidator): T {
  const records = (event as { Records: Record<string, unknown>[] }).Records;
  const issues: DecodeIssue[] = [];
  for (let i = 0; i < records.length; i++) {
    decodeJsonField(records[i]!, "body", validateBody, `/Records/${i}/body`, issues);
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return event;
}

/** The parts of an API Gateway request that a config entry can type. */
export interface ApiRequestValidators {
  body?: CompiledValidator;
  query?: CompiledValidator;
  path?: CompiledValidator;
}

/**
 * An API Gateway request's JSON `body` (base64-decoded first when `isBase64Encoded`), and its
 * query and path parameters when they are typed. Every problem of the three is reported at once.
 */
export function decodeApiRequest<T>(event: T, typeName: string, validators: ApiRequestValidators): T {
  const owner = event as Record<string, unknown>;
  const issues: DecodeIssue[] = [];
  if (validators.body) decodeJsonField(owner, "body", validators.body, "/body", issues, owner.isBase64Encoded === true);
  if (validators.query) checkField(owner, "queryStringParameters", validators.query, issues);
  if (validators.path) checkField(owner, "pathParameters", validators.path, issues);
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return event;
}

/* API Gateway sends `null` or nothing for absent parameters; the typed event has `{}` instead. */
function checkField(owner: Record<string, unknown>, key: string, validate: CompiledValidator, issues: DecodeIssue[]): void {
  const value = (owner[key] ??= {});
  if (!validate(value)) issues.push(...issuesFromAjv(validate.errors, `/${key}`));
}
