import { parseRegex, type RegexNode } from "../generator/regex-ast.js";

type Schema = Record<string, unknown>;
/** Follows a `$ref` from the schema that holds it; returns the target and the resolver to use inside it. */
export type RefResolver = (ref: string) => { schema: unknown; resolve: RefResolver };

const FORMATS: Record<string, string> = {
  "date-time": "2024-11-24T10:15:30Z",
  date: "2024-11-24",
  time: "10:15:30Z",
  email: "user@example.com",
  "idn-email": "user@example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uri: "https://example.com/",
  "uri-reference": "https://example.com/",
  url: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
  duration: "PT1M",
  byte: "a2F0YQ==",
};

/** Characters tried first for a pattern's character class, so that samples read like words. */
const PREFERRED = [..."abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_."].map((c) => c.codePointAt(0)!);

/**
 * A deterministic value valid against `schema`: `const`, `default`, the first of `examples` and
 * `enum`; every required property (and only those); the smallest numbers and arrays the bounds
 * allow; strings from `format` or built from `pattern`. The same schema always gives the same sample.
 */
export function sampleOf(schema: unknown, resolve: RefResolver, depth = 0): unknown {
  if (depth > 64) throw new Error("the schema nests (or refers to itself) more than 64 levels deep; give the recursive property a default");
  if (schema === true || schema === undefined) return "";
  if (typeof schema !== "object" || schema === null) return null;
  const s = schema as Schema;
  if (typeof s.$ref === "string") {
    const target = resolve(s.$ref);
    return sampleOf(target.schema, target.resolve, depth + 1);
  }
  if ("const" in s) return s.const;
  if ("default" in s) return structuredClone(s.default);
  if (Array.isArray(s.examples) && s.examples.length > 0) return structuredClone(s.examples[0]);
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if (Array.isArray(s.allOf)) return merge(s, s.allOf.map((part) => sampleOf(part, resolve, depth + 1)), resolve, depth);
  for (const key of ["oneOf", "anyOf"]) {
    const options = s[key];
    if (Array.isArray(options) && options.length > 0) return merge(s, [sampleOf(options[0], resolve, depth + 1)], resolve, depth);
  }
  switch (typeOf(s)) {
    case "object":
      return objectSample(s, resolve, depth);
    case "array":
      return arraySample(s, resolve, depth);
    case "integer":
      return numberSample(s, true);
    case "number":
      return numberSample(s, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return stringSample(s);
  }
}

/** allOf / oneOf beside the schema's own keywords: the objects' properties together. */
function merge(s: Schema, parts: unknown[], resolve: RefResolver, depth: number): unknown {
  const own = { ...s };
  for (const key of ["allOf", "oneOf", "anyOf"]) delete own[key];
  const hasOwn = Object.keys(own).some((key) => !["description", "title", "$schema", "$id", "definitions", "$defs"].includes(key));
  const all = hasOwn ? [sampleOf(own, resolve, depth + 1), ...parts] : parts;
  if (all.every((part) => typeof part === "object" && part !== null && !Array.isArray(part))) return Object.assign({}, ...all);
  return all.at(-1);
}

function typeOf(s: Schema): string {
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== "null") ?? "null") : s.type;
  if (typeof type === "string") return type;
  if (s.properties !== undefined || s.required !== undefined) return "object";
  if (s.items !== undefined) return "array";
  return "string";
}

function objectSample(s: Schema, resolve: RefResolver, depth: number): Record<string, unknown> {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const sample: Record<string, unknown> = {};
  for (const name of required) sample[name] = sampleOf(properties[name] ?? additional(s), resolve, depth + 1);
  return sample;
}

function additional(s: Schema): unknown {
  return typeof s.additionalProperties === "object" ? s.additionalProperties : true;
}

function arraySample(s: Schema, resolve: RefResolver, depth: number): unknown[] {
  const min = typeof s.minItems === "number" ? s.minItems : 0;
  const max = typeof s.maxItems === "number" ? s.maxItems : Infinity;
  const count = Math.min(max, Math.max(min, 1));
  if (Array.isArray(s.items)) return s.items.slice(0, Math.max(count, s.items.length)).map((item) => sampleOf(item, resolve, depth + 1));
  return Array.from({ length: count }, () => sampleOf(s.items, resolve, depth + 1));
}

function numberSample(s: Schema, integer: boolean): number {
  const step = typeof s.multipleOf === "number" ? s.multipleOf : integer ? 1 : 0;
  let low = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + (step || 1) : undefined;
  const high = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum - (step || 1) : undefined;
  if (low === undefined) low = high !== undefined && high < 1 ? high : 1;
  if (step > 0) low = Math.ceil(low / step) * step;
  return integer ? Math.ceil(low) : low;
}

function stringSample(s: Schema): string {
  if (typeof s.format === "string" && s.format in FORMATS) return FORMATS[s.format]!;
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : Infinity;
  if (typeof s.pattern === "string") return fromPattern(parseRegex(s.pattern));
  const word = "example".padEnd(min, "x");
  return word.slice(0, Math.min(max, word.length));
}

/** The shortest string the pattern matches: the first branch of each `|`, each repeat its minimum. */
function fromPattern(node: RegexNode): string {
  switch (node.kind) {
    case "empty":
      return "";
    case "chars": {
      const code = PREFERRED.find((c) => node.set.some(([lo, hi]) => c >= lo && c <= hi)) ?? node.set[0]?.[0] ?? 0x61;
      return String.fromCodePoint(code);
    }
    case "sequence":
      return node.items.map(fromPattern).join("");
    case "alternation":
      return fromPattern(node.branches[0]!);
    case "repeat":
      return fromPattern(node.body).repeat(node.min);
  }
}
