/**
 * What generated modules import at run time (`kata/decode`). Small on purpose: it is on the
 * cold-start path of every function.
 */
export { DecodeError, type DecodeIssue } from "../decode-error.js";
export { parseJson } from "./parse-json.js";
export { decodeWith, assertWith } from "./decode-with.js";
export { decodeJsonField, decodeSqsBodies, decodeApiRequest, type ApiRequestValidators } from "./embedded-json.js";
export { ucs2length, equal } from "./schema-runtime.js";
export { formats } from "./formats.js";
export type { CompiledValidator } from "./validator.js";
