/**
 * Everything generated modules and kata's handlers decode with at run time (`kata/decode`).
 * `npm run build` bundles this module and all of `runtime/decode/` into one file
 * (`tools/bundle-decode.mjs`): a cold start then loads one module for decoding instead of twenty,
 * and nothing outside this folder imports a file in it except this one, so that every bundle holds
 * one copy of each helper and one `DecodeError` class.
 */
export { DecodeError, type DecodeIssue } from "./decode-error.js";
export { parseJson, describeSyntaxError } from "./parse-json.js";
export { decodeWith, assertWith, isWith } from "./decode-with.js";
export { decodeSqsBody, decodeSqsBodies, type DecodedBody } from "./sqs-bodies.js";
export { decodeApiRequest, decodeRequest, type ApiRequestSpec, type DecodedRequest, type RequestParts } from "./api-request.js";
export { issuesUnder } from "./issues-under.js";
export { pointerSegment } from "./issues.js";
export { appendErrors, appendErrorsAt, pushError, typeError, requiredError, ucs2length, equal } from "./schema-runtime.js";
export { formats } from "./formats.js";
export * from "./fills/index.js";
export { restPathWithStage } from "./fills/stage-path.js";
export type { CompiledValidator } from "./validator.js";

// What the stream, Kafka, SNS and CloudWatch Logs handlers (`kata/handlers/*`) decode payloads with.
export * from "./record-payloads.js";
export * from "./stream-payloads.js";
export * from "./dynamodb-images.js";
export * from "./dynamodb-unmarshall.js";
export * from "./kafka-records.js";
export * from "./cloudwatch-logs.js";
export * from "./sns-notification.js";
