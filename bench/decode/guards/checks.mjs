/* The building blocks a hand-written guard is made of; V8 inlines these tiny functions. */

export const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
export const isString = (v) => typeof v === "string";
export const optionalString = (v) => v === undefined || typeof v === "string";
export const optionalStringOrNull = (v) => v === undefined || v === null || typeof v === "string";
export const isInteger = (v) => Number.isInteger(v);

export function isStringArray(v) {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (typeof item !== "string") return false;
  return true;
}

/** `{ [k: string]: string }` */
export function isStringMap(v) {
  if (!isObject(v)) return false;
  for (const key in v) if (typeof v[key] !== "string") return false;
  return true;
}

/** `{ [k: string]: string[] }` */
export function isStringArrayMap(v) {
  if (!isObject(v)) return false;
  for (const key in v) if (!isStringArray(v[key])) return false;
  return true;
}

export const stringMapOrNull = (v) => v === null || isStringMap(v);

/** Every listed property is a string (required ones present). */
export function allStrings(object, keys) {
  for (const key of keys) if (typeof object[key] !== "string") return false;
  return true;
}

/** JSON Schema's maxLength counts code points, not UTF-16 units; only a long string needs counting. */
export const maxCodePoints = (text, max) => text.length <= max || [...text].length <= max;
