/**
 * What generated modules import at run time (`kata/decode`). Small on purpose: it is on the
 * cold-start path of every function.
 */
export { DecodeError, type DecodeIssue } from "../decode-error.js";
export { parseJson } from "./parse-json.js";
export { decodeWith, assertWith, isWith } from "./decode-with.js";
export { decodeSqsBody, decodeSqsBodies, type DecodedBody } from "./sqs-bodies.js";
export { decodeApiRequest, decodeRequest, type ApiRequestSpec, type DecodedRequest, type RequestParts } from "./api-request.js";
export { issuesUnder } from "./issues-under.js";
export { appendErrors, appendErrorsAt, pushError, typeError, requiredError, ucs2length, equal } from "./schema-runtime.js";
export { formats } from "./formats.js";
export * from "./fills/index.js";
export type { CompiledValidator } from "./validator.js";
