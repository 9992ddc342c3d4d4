import { DecodeError } from "./decode-error.js";
import { issuesFromAjv } from "./issues.js";
import { parseJson } from "./parse-json.js";
import type { CompiledValidator } from "./validator.js";

/** `decodeX`: parse, then validate; the value is returned as parsed, never copied. */
export function decodeWith<T>(validate: CompiledValidator, typeName: string, input: string | Uint8Array): T {
  const value = parseJson(typeName, input);
  if (check(validate, typeName, value, "")) return value as T;
  throw new DecodeError(typeName, issuesFromAjv(validate.errors));
}

/** `assertX`: validate an already parsed value. */
export function assertWith(validate: CompiledValidator, typeName: string, value: unknown, prefix = ""): void {
  if (!check(validate, typeName, value, prefix)) throw new DecodeError(typeName, issuesFromAjv(validate.errors, prefix));
}

/**
 * `isX`: a type guard answers, it never throws. A value nested deeper than the validator can
 * check (see `check`) is not known to be the type, so it is `false`.
 */
export function isWith(validate: CompiledValidator, value: unknown): boolean {
  try {
    return validate(value);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/**
 * A validator recurses once per level of a recursive schema (`$ref` to itself), so a value nested
 * deeper than the call stack allows would throw a RangeError: it is a DecodeError instead, with
 * the depth found. The limit is the stack, not a count checked on every decode (that would cost
 * every decode a walk of the value): 1,000 levels always pass (tested); on Node 20's default stack
 * about 5,000 do. JSON.parse itself has no such limit.
 */
function check(validate: CompiledValidator, typeName: string, value: unknown, prefix: string): boolean {
  try {
    return validate(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `is nested ${depthOf(value)} levels deep, deeper than kata's decoders can check (the call stack ran out). Flatten the data, or nest it less deeply.`;
    throw new DecodeError(typeName, [{ path: prefix, message }]);
  }
}

/** Nesting depth of a parsed JSON value, without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(node) ? node : Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}
