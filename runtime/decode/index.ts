/**
 * What generated modules import at run time (`kata/decode`). Small on purpose: it is on the
 * cold-start path of every function.
 */
export { DecodeError, type DecodeIssue } from "../decode-error.js";
export { parseJson } from "./parse-json.js";
export { decodeWith, assertWith } from "./decode-with.js";
export { decodeSqsBody, decodeSqsBodies, type DecodedBody } from "./sqs-bodies.js";
export { decodeApiRequest, decodeRequest, type ApiRequestSpec, type DecodedRequest, type RequestParts } from "./api-request.js";
export { issuesUnder } from "./issues-under.js";
export { appendErrors, ucs2length, equal } from "./schema-runtime.js";
export { formats } from "./formats.js";
export * from "./fills/index.js";
export type { CompiledValidator } from "./validator.js";
export { decodePart, decodeEachRecord, base64Bytes } from "./record-payloads.js";
export { decodeKinesisData, decodeFirehoseData, decodeSnsMessages, kinesisDataPointer, firehoseDataPointer, snsMessagePointer } from "./stream-payloads.js";
export { decodeSnsNotification, type SnsNotification } from "./sns-notification.js";
export { unmarshallItem } from "./dynamodb-unmarshall.js";
export { decodeDynamoDBImages, decodeStreamImages, dynamodbRecordPointer, type StreamImages } from "./dynamodb-images.js";
export { decodeKafkaRecord, decodeKafkaRecords, kafkaRecords, kafkaRecordPointer, type KafkaPayloadSpec, type RawKafkaRecord } from "./kafka-records.js";
export { decodeCloudWatchLogs, decodeLogData } from "./cloudwatch-logs.js";
