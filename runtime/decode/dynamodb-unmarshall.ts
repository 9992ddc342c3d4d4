import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { pointerSegment } from "./issues.js";

/*
 * DynamoDB AttributeValues to plain values, with the semantics of `@aws-sdk/util-dynamodb`'s
 * `unmarshall` (no SDK at run time): S → string, N → number, BOOL → boolean, NULL → null,
 * B → Uint8Array, M → object, L → array; sets (SS, NS, BS) become arrays, not `Set`s.
 * An N becomes a number only when the number holds it exactly. An integer that does not fit
 * becomes a bigint (as the SDK does), which a schema accepts only where it says
 * `"x-kata-bigint": true`; a fraction that does not fit is an error.
 * A malformed AttributeValue is reported here, with its pointer: the raw tree is never validated
 * separately, so each attribute is looked at once.
 */

/** DynamoDB nests at most 32 levels; deeper input is hostile, and must not exhaust the stack. */
const MAX_DEPTH = 64;
const KINDS = "S, N, B, BOOL, NULL, M, L, SS, NS, BS";

/** Where the walk is, as unmarshalled property names and indexes; joined only when an issue is found. */
type Trail = (string | number)[];

function issue(issues: DecodeIssue[], trail: Trail, message: string): undefined {
  issues.push({ path: trail.map((segment) => `/${pointerSegment(segment)}`).join(""), message });
  return undefined;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Unmarshalls one item image. Throws DecodeError with pointers into the unmarshalled item, e.g. `/address/city`. */
export function unmarshallItem(image: unknown, typeName: string): Record<string, unknown> {
  if (!isMap(image)) throw new DecodeError(typeName, [{ path: "", message: "must be an object of DynamoDB AttributeValues" }]);
  const issues: DecodeIssue[] = [];
  const item = unmarshallMap(image, [], issues);
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return item;
}

function unmarshallMap(map: Record<string, unknown>, trail: Trail, issues: DecodeIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    trail.push(key);
    const value = attribute(map[key], trail, issues);
    trail.pop();
    // Assigning `__proto__` would set the prototype instead of adding the property.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function attribute(av: unknown, trail: Trail, issues: DecodeIssue[]): unknown {
  if (!isMap(av)) return issue(issues, trail, `must be a DynamoDB AttributeValue: an object with one of ${KINDS}`);
  let tag: string | undefined;
  for (const key in av) {
    if (tag !== undefined) return issue(issues, trail, `has both ${tag} and ${key}: a DynamoDB AttributeValue has exactly one of ${KINDS}`);
    tag = key;
  }
  const value = av[tag as string];
  switch (tag) {
    case "S":
      if (typeof value === "string") return value;
      break;
    case "N":
      if (typeof value === "string") return number(value, trail, issues);
      break;
    case "BOOL":
      if (typeof value === "boolean") return value;
      break;
    case "NULL":
      if (value === true) return null;
      break;
    case "B":
      if (typeof value === "string") return binary(value);
      break;
    case "M":
      if (isMap(value)) return trail.length > MAX_DEPTH ? tooDeep(issues, trail) : unmarshallMap(value, trail, issues);
      break;
    case "L":
      if (Array.isArray(value)) return trail.length > MAX_DEPTH ? tooDeep(issues, trail) : list(value, trail, issues);
      break;
    case "SS":
    case "NS":
    case "BS":
      if (Array.isArray(value)) return set(tag, value, trail, issues);
      break;
    case undefined:
      return issue(issues, trail, `is an empty object: a DynamoDB AttributeValue has one of ${KINDS}`);
    default:
      return issue(issues, trail, `has ${JSON.stringify(tag)}, which is not a DynamoDB AttributeValue type (${KINDS})`);
  }
  return issue(issues, trail, `has ${tag} ${JSON.stringify(value)}: ${tag} must be ${EXPECTED[tag]}`);
}

const EXPECTED: Record<string, string> = {
  S: "a string",
  N: "a number written as a string",
  BOOL: "true or false",
  NULL: "true",
  B: "a base64 string",
  M: "an object of AttributeValues",
  L: "an array of AttributeValues",
  SS: "an array of strings",
  NS: "an array of numbers written as strings",
  BS: "an array of base64 strings",
};

function tooDeep(issues: DecodeIssue[], trail: Trail): undefined {
  return issue(issues, trail, `is nested more than ${MAX_DEPTH} levels deep (DynamoDB allows 32)`);
}

function list(values: unknown[], trail: Trail, issues: DecodeIssue[]): unknown[] {
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    trail.push(i);
    out[i] = attribute(values[i], trail, issues);
    trail.pop();
  }
  return out;
}

function set(tag: "SS" | "NS" | "BS", values: unknown[], trail: Trail, issues: DecodeIssue[]): unknown[] {
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    trail.push(i);
    if (typeof value !== "string") issue(issues, trail, `is ${JSON.stringify(value)} in a ${tag}: ${tag} must be ${EXPECTED[tag]}`);
    else out[i] = tag === "SS" ? value : tag === "NS" ? number(value, trail, issues) : binary(value);
    trail.pop();
  }
  return out;
}

function binary(text: string): Uint8Array {
  const bytes = Buffer.from(text, "base64");
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function number(text: string, trail: Trail, issues: DecodeIssue[]): number | bigint | undefined {
  const value = Number(text);
  if (String(value) === text) return value; // the common case: "42", "19.99"
  const exact = canonical(text);
  if (exact === undefined || !Number.isFinite(value)) return issue(issues, trail, `has N ${JSON.stringify(text)}, which is not a number`);
  if (canonical(String(value)) === exact) return value; // the same number written differently: "1.50", "1e3"
  if (/^[+-]?\d+$/.test(text)) return BigInt(text);
  return issue(issues, trail, `has N ${text}, which a JavaScript number cannot hold exactly (it would be ${value}). Store it as a string (S), or round it when you write it.`);
}

/** A decimal as `sign digits e exponent`, leading and trailing zeros dropped, so that two spellings of one number compare equal. */
function canonical(text: string): string | undefined {
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return undefined;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  let start = 0;
  while (start < digits.length && digits[start] === "0") start++;
  point -= start;
  digits = digits.slice(start).replace(/0+$/, "");
  if (digits === "") return "0";
  return `${sign === "-" ? "-" : ""}${digits}e${point}`;
}
