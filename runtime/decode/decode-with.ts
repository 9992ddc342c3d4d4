import { DecodeError } from "../decode-error.js";
import { issuesFromAjv } from "./issues.js";
import { parseJson } from "./parse-json.js";
import type { CompiledValidator } from "./validator.js";

/** `decodeX`: parse, then validate; the value is returned as parsed, never copied. */
export function decodeWith<T>(validate: CompiledValidator, typeName: string, input: string | Uint8Array): T {
  const value = parseJson(typeName, input);
  if (validate(value)) return value as T;
  throw new DecodeError(typeName, issuesFromAjv(validate.errors));
}

/** `assertX`: validate an already parsed value. */
export function assertWith(validate: CompiledValidator, typeName: string, value: unknown, prefix = ""): void {
  if (!validate(value)) throw new DecodeError(typeName, issuesFromAjv(validate.errors, prefix));
}
