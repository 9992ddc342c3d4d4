/*
 * The two helpers that Ajv's standalone code would otherwise `require` from `ajv/dist/runtime`,
 * `appendErrors` and `appendErrorsAt`, which replace its `vErrors.concat(...)`, and the error
 * recorders that replace its inline error blocks. Generated validators import them from here, so
 * that no generated module depends on Ajv.
 */

/** Appends a referenced validator's errors in place (Ajv's `concat` copied the list on every call). */
export function appendErrors<T>(into: T[], errors: readonly T[]): T[] {
  for (let i = 0; i < errors.length; i++) into.push(errors[i]!);
  return into;
}

/** Ajv's error object, as generated validators record one. */
interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * Adds the errors of a referenced validator that was called without an instance path (its paths
 * start at the value it checked), each under `path`, the pointer of that value: building the path
 * only when something failed keeps passing calls free of string work.
 */
export function appendErrorsAt(into: SchemaError[] | null, errors: SchemaError[], path: string): SchemaError[] {
  for (let i = 0; i < errors.length; i++) errors[i]!.instancePath = path + errors[i]!.instancePath;
  return into === null ? errors : appendErrors(into, errors);
}

/** Records an error: the list starts at the first one (null until then, as Ajv's code keeps it). */
export function pushError(errors: SchemaError[] | null, error: SchemaError): SchemaError[] {
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}

/** A `type` error exactly as Ajv writes it; one call per check keeps the generated code small. */
export function typeError(errors: SchemaError[] | null, instancePath: string, type: string): SchemaError[] {
  return pushError(errors, { instancePath, keyword: "type", params: { type }, message: "must be " + type });
}

/** A `required` error exactly as Ajv writes it. */
export function requiredError(errors: SchemaError[] | null, instancePath: string, missingProperty: string): SchemaError[] {
  return pushError(errors, { instancePath, keyword: "required", params: { missingProperty }, message: "must have required property '" + missingProperty + "'" });
}

/** String length in Unicode code points, as JSON Schema's minLength/maxLength count it. */
export function ucs2length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++, length++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return length;
}

/** Deep equality of JSON values, for `const`, `enum` and `uniqueItems`. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

