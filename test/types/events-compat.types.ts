// Type tests, checked by `tsc -p .` (never run): kata's built-in event types and @types/aws-lambda
// describe the same events. Every difference is pinned in both directions, so that a schema change
// that removes or adds one fails the build until docs/types-vs-aws-lambda.md is updated.
import type * as aws from "aws-lambda";
import * as kata from "../../events.js";
import { decodeCreateOrderEvent, decodeOrderMessageEvent, decodeOrderPlacedEvent } from "../generated/index.js";

type Assert<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;
/** A value of A can be used where B is expected. */
type Assignable<A, B> = [A] extends [B] ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Same shape apart from the keys `K`. */
type MutualExcept<A, B, K extends PropertyKey> = Mutual<Omit<A, K>, Omit<B, K>>;
/**
 * @types/aws-lambda types every map as `{ [name: string]: string | undefined }` (absent keys read
 * as undefined); kata's maps are `{ [name: string]: string }`, and `noUncheckedIndexedAccess`
 * adds the undefined on reads. This strips the declared undefined to compare the maps themselves.
 */
type Present<T> = T extends object ? { [K in keyof T]: Exclude<T[K], undefined> } : T;
/** `Present` applied to each map of an object of maps. */
type PresentMaps<T> = { [K in keyof T]: Present<T[K]> };

// ---- SQS ------------------------------------------------------------------------------------
export type SqsRecordRest = Assert<MutualExcept<kata.SQSRecord, aws.SQSRecord, "eventSource" | "md5OfMessageAttributes">>;
// kata narrows `eventSource` to its only value, "aws:sqs".
export type SqsSourceNarrower = Assert<Assignable<kata.SQSRecord["eventSource"], aws.SQSRecord["eventSource"]>>;
export type SqsSourceNotWider = Assert<Not<Assignable<aws.SQSRecord["eventSource"], kata.SQSRecord["eventSource"]>>>;
// SQS sends `md5OfMessageAttributes: null` (e.g. with a batching window); @types has no null.
export type SqsMd5Wider = Assert<Assignable<aws.SQSRecord["md5OfMessageAttributes"], kata.SQSRecord["md5OfMessageAttributes"]>>;
export type SqsMd5NotNarrower = Assert<Not<Assignable<kata.SQSRecord["md5OfMessageAttributes"], aws.SQSRecord["md5OfMessageAttributes"]>>>;
// The event adds nothing to its records, so it differs exactly as SQSRecord does.
export type SqsEventIsRecords = Assert<Mutual<kata.SQSEvent, { Records: kata.SQSRecord[] }>>;
export type AwsSqsEventIsRecords = Assert<Mutual<aws.SQSEvent, { Records: aws.SQSRecord[] }>>;
export type SqsBatchResponse = Assert<Mutual<kata.SQSBatchResponse, aws.SQSBatchResponse>>;

// ---- EventBridge ----------------------------------------------------------------------------
type Detail = { a: number };
export type EventBridge = Assert<Mutual<kata.EventBridgeEvent<"X", Detail>, aws.EventBridgeEvent<"X", Detail>>>;

// ---- API Gateway REST (v1) ------------------------------------------------------------------
type RestMaps = "queryStringParameters" | "multiValueQueryStringParameters" | "pathParameters" | "stageVariables";
type RestEvent = kata.APIGatewayProxyEvent;
type AwsRestEvent = aws.APIGatewayProxyEvent;
export type RestRest = Assert<MutualExcept<RestEvent, AwsRestEvent, RestMaps | "headers" | "multiValueHeaders" | "requestContext">>;
export type RestMapsToAws = Assert<Assignable<Pick<RestEvent, RestMaps>, Pick<AwsRestEvent, RestMaps>>>;
export type RestMapsFromAws = Assert<Assignable<PresentMaps<Pick<AwsRestEvent, RestMaps>>, Pick<RestEvent, RestMaps>>>;
// API Gateway sends `headers: null` and `multiValueHeaders: null` (e.g. console test invokes); @types has no null.
export type RestHeadersFromAws = Assert<Assignable<Present<AwsRestEvent["headers"]>, RestEvent["headers"]>>;
export type RestHeadersNullable = Assert<Not<Assignable<RestEvent["headers"], AwsRestEvent["headers"]>>>;
export type RestMultiHeadersNullable = Assert<Not<Assignable<RestEvent["multiValueHeaders"], AwsRestEvent["multiValueHeaders"]>>>;
// kata's request context is looser: identity fields, `resourceId` and `authorizer` may be absent.
export type RestContextFromAws = Assert<Assignable<AwsRestEvent["requestContext"], RestEvent["requestContext"]>>;
export type RestContextLooser = Assert<Not<Assignable<RestEvent["requestContext"], AwsRestEvent["requestContext"]>>>;
export type RestIdentitySourceIp = Assert<Mutual<RestEvent["requestContext"]["identity"]["sourceIp"], AwsRestEvent["requestContext"]["identity"]["sourceIp"]>>;
// A result may leave `body` out (an empty response); @types requires it.
export type RestResultRest = Assert<MutualExcept<kata.APIGatewayProxyResult, aws.APIGatewayProxyResult, "body">>;
export type RestResultFromAws = Assert<Assignable<aws.APIGatewayProxyResult, kata.APIGatewayProxyResult>>;
export type RestResultBodyOptional = Assert<Not<Assignable<kata.APIGatewayProxyResult, aws.APIGatewayProxyResult>>>;

// ---- API Gateway HTTP API (v2) and function URLs --------------------------------------------
type HttpEvent = kata.APIGatewayProxyEventV2;
type AwsHttpEvent = aws.APIGatewayProxyEventV2;
type HttpMaps = "headers" | "queryStringParameters";
type HttpNullableMaps = "pathParameters" | "stageVariables";
export type HttpRest = Assert<MutualExcept<HttpEvent, AwsHttpEvent, "version" | HttpMaps | HttpNullableMaps | "requestContext">>;
// kata narrows `version` to its only value, "2.0".
export type HttpVersionNarrower = Assert<Assignable<HttpEvent["version"], AwsHttpEvent["version"]>>;
export type HttpVersionNotWider = Assert<Not<Assignable<AwsHttpEvent["version"], HttpEvent["version"]>>>;
export type HttpMapsToAws = Assert<Assignable<Pick<HttpEvent, HttpMaps>, Pick<AwsHttpEvent, HttpMaps>>>;
export type HttpMapsFromAws = Assert<Assignable<PresentMaps<Pick<AwsHttpEvent, HttpMaps>>, Pick<HttpEvent, HttpMaps>>>;
// Function URLs send `pathParameters: null` and `stageVariables: null`; @types has no null.
export type HttpNullableMapsFromAws = Assert<Assignable<PresentMaps<Pick<AwsHttpEvent, HttpNullableMaps>>, Pick<HttpEvent, HttpNullableMaps>>>;
export type HttpNullableMapsNotToAws = Assert<Not<Assignable<Pick<HttpEvent, HttpNullableMaps>, Pick<AwsHttpEvent, HttpNullableMaps>>>>;
// Function URLs send `requestContext.authentication: null`; kata also types the authorizer.
export type HttpContextFromAws = Assert<Assignable<AwsHttpEvent["requestContext"], HttpEvent["requestContext"]>>;
export type HttpContextLooser = Assert<Not<Assignable<HttpEvent["requestContext"], AwsHttpEvent["requestContext"]>>>;
export type HttpContextRest = Assert<MutualExcept<HttpEvent["requestContext"], AwsHttpEvent["requestContext"], "authentication" | "authorizer">>;
export type HttpResult = Assert<Mutual<kata.APIGatewayProxyStructuredResultV2, aws.APIGatewayProxyStructuredResultV2>>;

// ---- Application Load Balancer --------------------------------------------------------------
type AlbMaps = "headers" | "queryStringParameters" | "multiValueHeaders" | "multiValueQueryStringParameters";
export type AlbRest = Assert<MutualExcept<kata.ALBEvent, aws.ALBEvent, AlbMaps | "body">>;
// Every kata ALB event is an @types one; the other way fails on map values and on `body: null`,
// which the load balancer does not send (a request without a body has `body: ""`).
export type AlbToAws = Assert<Assignable<kata.ALBEvent, aws.ALBEvent>>;
export type AlbMapsFromAws = Assert<Assignable<PresentMaps<Pick<aws.ALBEvent, AlbMaps>>, Pick<kata.ALBEvent, AlbMaps>>>;
export type AlbBodyNotNull = Assert<Not<Assignable<aws.ALBEvent["body"], kata.ALBEvent["body"]>>>;
export type AlbResult = Assert<Mutual<kata.ALBResult, aws.ALBResult>>;

// ==== Streams, storage, messaging, CloudWatch and WebSocket APIs (issue 11) ===================

// ---- SNS ------------------------------------------------------------------------------------
export type SnsMessageRest = Assert<MutualExcept<kata.SNSMessage, aws.SNSMessage, "Subject">>;
// SNS sends `Subject: null` when the publisher gave none; @types has no null.
export type SnsSubjectWider = Assert<Assignable<aws.SNSMessage["Subject"], kata.SNSMessage["Subject"]>>;
export type SnsSubjectNotNarrower = Assert<Not<Assignable<kata.SNSMessage["Subject"], aws.SNSMessage["Subject"]>>>;
export type SnsRecordRest = Assert<MutualExcept<kata.SNSEventRecord, aws.SNSEventRecord, "Sns">>;
export type SnsEventFromAws = Assert<Assignable<aws.SNSEvent, kata.SNSEvent>>;
export type SnsEventIsRecords = Assert<Mutual<kata.SNSEvent, { Records: kata.SNSEventRecord[] }>>;

// ---- Kinesis Data Streams -------------------------------------------------------------------
export type KinesisEvent = Assert<Mutual<kata.KinesisStreamEvent, aws.KinesisStreamEvent>>;
export type KinesisTumblingWindow = Assert<Mutual<kata.KinesisStreamTumblingWindowEvent, aws.KinesisStreamTumblingWindowEvent>>;
export type KinesisBatchResponse = Assert<Mutual<kata.KinesisStreamBatchResponse, aws.KinesisStreamBatchResponse>>;
export type KinesisStateResponse = Assert<Mutual<kata.KinesisStreamStateResponse, aws.KinesisStreamStateResponse>>;

// ---- DynamoDB Streams -----------------------------------------------------------------------
// @types makes every record field optional; kata requires what DynamoDB always sends.
export type DynamoDBToAws = Assert<Assignable<kata.DynamoDBStreamEvent, aws.DynamoDBStreamEvent>>;
export type DynamoDBRequiresFields = Assert<Not<Assignable<aws.DynamoDBStreamEvent, kata.DynamoDBStreamEvent>>>;
export type DynamoDBRecordComplete = Assert<Mutual<kata.DynamoDBRecord, Required<Omit<aws.DynamoDBRecord, "userIdentity" | "dynamodb">> & { dynamodb: kata.StreamRecord; userIdentity?: kata.DynamoDBRecord["userIdentity"] }>>;
export type DynamoDBStreamRecordKeys = Assert<Mutual<keyof kata.StreamRecord, keyof aws.StreamRecord>>;
export type DynamoDBAttributeValue = Assert<Mutual<kata.AttributeValue, aws.AttributeValue>>;
export type DynamoDBBatchResponse = Assert<Mutual<kata.DynamoDBBatchResponse, aws.DynamoDBBatchResponse>>;

// ---- Amazon Data Firehose -------------------------------------------------------------------
export type FirehoseMetadataRest = Assert<MutualExcept<kata.FirehoseRecordMetadata, aws.FirehoseRecordMetadata, "subsequenceNumber">>;
// Firehose sends `subsequenceNumber` as a number; @types declares a string. kata takes both.
export type FirehoseSubsequenceWider = Assert<Assignable<aws.FirehoseRecordMetadata["subsequenceNumber"], kata.FirehoseRecordMetadata["subsequenceNumber"]>>;
export type FirehoseSubsequenceNotNarrower = Assert<Not<Assignable<kata.FirehoseRecordMetadata["subsequenceNumber"], aws.FirehoseRecordMetadata["subsequenceNumber"]>>>;
export type FirehoseEventFromAws = Assert<Assignable<aws.FirehoseTransformationEvent, kata.FirehoseTransformationEvent>>;
export type FirehoseEventRest = Assert<MutualExcept<kata.FirehoseTransformationEvent, aws.FirehoseTransformationEvent, "records">>;
export type FirehoseResult = Assert<Mutual<kata.FirehoseTransformationResult, aws.FirehoseTransformationResult>>;

// ---- Kafka (Amazon MSK and self-managed) ----------------------------------------------------
// Lambda leaves out `key` for a record the producer sent without one; @types requires it.
export type MskRecordRest = Assert<MutualExcept<kata.MSKRecord, aws.MSKRecord, "key">>;
export type MskKeyOptional = Assert<Not<Assignable<kata.MSKRecord, aws.MSKRecord>>>;
export type MskEventFromAws = Assert<Assignable<aws.MSKEvent, kata.MSKEvent>>;
export type MskEventRest = Assert<MutualExcept<kata.MSKEvent, aws.MSKEvent, "records">>;
export type SelfManagedKafkaRecordRest = Assert<MutualExcept<kata.SelfManagedKafkaRecord, aws.SelfManagedKafkaRecord, "key">>;
export type SelfManagedKafkaEventFromAws = Assert<Assignable<aws.SelfManagedKafkaEvent, kata.SelfManagedKafkaEvent>>;
export type SelfManagedKafkaEventRest = Assert<MutualExcept<kata.SelfManagedKafkaEvent, aws.SelfManagedKafkaEvent, "records">>;

// ---- CloudWatch Logs subscriptions ----------------------------------------------------------
export type CloudWatchLogsEvent = Assert<Mutual<kata.CloudWatchLogsEvent, aws.CloudWatchLogsEvent>>;
export type CloudWatchLogsDataRest = Assert<MutualExcept<kata.CloudWatchLogsDecodedData, aws.CloudWatchLogsDecodedData, "logEvents">>;
export type CloudWatchLogsLogEventRest = Assert<MutualExcept<kata.CloudWatchLogsLogEvent, aws.CloudWatchLogsLogEvent, "extractedFields">>;
export type CloudWatchLogsFieldsToAws = Assert<Assignable<kata.CloudWatchLogsLogEvent["extractedFields"], aws.CloudWatchLogsLogEvent["extractedFields"]>>;
export type CloudWatchLogsFieldsFromAws = Assert<Assignable<Present<NonNullable<aws.CloudWatchLogsLogEvent["extractedFields"]>>, NonNullable<kata.CloudWatchLogsLogEvent["extractedFields"]>>>;

// ---- API Gateway WebSocket APIs -------------------------------------------------------------
type WsEvent = kata.APIGatewayProxyWebsocketEventV2;
type AwsWsEvent = aws.APIGatewayProxyWebsocketEventV2;
type WsMaps = "queryStringParameters" | "multiValueQueryStringParameters" | "stageVariables";
export type WsRest = Assert<MutualExcept<WsEvent, AwsWsEvent, WsMaps | "requestContext">>;
export type WsMapsToAws = Assert<Assignable<Pick<WsEvent, WsMaps>, Pick<AwsWsEvent, WsMaps>>>;
export type WsMapsFromAws = Assert<Assignable<PresentMaps<Pick<AwsWsEvent, WsMaps>>, Pick<WsEvent, WsMaps>>>;
// CONNECT and DISCONNECT events have no `messageId` (or `null`); @types requires a string.
export type WsContextFromAws = Assert<Assignable<AwsWsEvent["requestContext"], WsEvent["requestContext"]>>;
export type WsContextRest = Assert<MutualExcept<WsEvent["requestContext"], AwsWsEvent["requestContext"], "messageId">>;
export type WsMessageIdOptional = Assert<Not<Assignable<WsEvent["requestContext"], AwsWsEvent["requestContext"]>>>;
// ---- Amazon S3 event notifications ----------------------------------------------------------
type S3Object = kata.S3EventRecord["s3"]["object"];
type AwsS3Object = aws.S3EventRecord["s3"]["object"];
// `ObjectRemoved` events carry neither `size` nor `eTag`; @types requires both.
export type S3ObjectRest = Assert<MutualExcept<S3Object, AwsS3Object, "size" | "eTag">>;
export type S3ObjectFromAws = Assert<Assignable<AwsS3Object, S3Object>>;
export type S3ObjectSizeOptional = Assert<Not<Assignable<S3Object, AwsS3Object>>>;
export type S3RecordRest = Assert<MutualExcept<kata.S3EventRecord, aws.S3EventRecord, "s3">>;
export type S3S3Rest = Assert<MutualExcept<kata.S3EventRecord["s3"], aws.S3EventRecord["s3"], "object">>;
export type S3EventFromAws = Assert<Assignable<aws.S3Event, kata.S3Event>>;

// ---- Amazon S3 events through EventBridge ---------------------------------------------------
// Every @types S3 notification event is a kata one. The other way fails where kata is looser:
// `version-id` is absent in unversioned buckets, and storage classes are any string (S3 adds classes).
export type S3NotificationFromAws = Assert<Assignable<aws.S3NotificationEvent, kata.S3NotificationEvent>>;
export type S3NotificationLooser = Assert<Not<Assignable<kata.S3NotificationEvent, aws.S3NotificationEvent>>>;
export type S3CreatedEnvelope = Assert<MutualExcept<kata.S3ObjectCreatedNotificationEvent, aws.S3ObjectCreatedNotificationEvent, "detail">>;
export type S3CreatedDetailRest = Assert<MutualExcept<kata.S3ObjectCreatedNotificationEventDetail, aws.S3ObjectCreatedNotificationEventDetail, "object">>;
export type S3CreatedObjectRest = Assert<MutualExcept<kata.S3ObjectCreatedNotificationEventDetail["object"], aws.S3ObjectCreatedNotificationEventDetail["object"], "version-id">>;
// Each S3 notification event is kata's own EventBridgeEvent of its detail type, with `source: "aws.s3"`.
export type S3CreatedIsEventBridgeEvent = Assert<MutualExcept<kata.S3ObjectCreatedNotificationEvent, kata.EventBridgeEvent<"Object Created", kata.S3ObjectCreatedNotificationEventDetail>, "source">>;
export type S3CreatedToEventBridgeEvent = Assert<Assignable<kata.S3ObjectCreatedNotificationEvent, kata.EventBridgeEvent<"Object Created", kata.S3ObjectCreatedNotificationEventDetail>>>;
export type S3DeletedIsEventBridgeEvent = Assert<MutualExcept<kata.S3ObjectDeletedNotificationEvent, kata.EventBridgeEvent<"Object Deleted", kata.S3ObjectDeletedNotificationEventDetail>, "source">>;
export type S3DeletedFromAws = Assert<Assignable<aws.S3ObjectDeletedNotificationEvent, kata.S3ObjectDeletedNotificationEvent>>;
export type S3DeletedDetailRest = Assert<MutualExcept<kata.S3ObjectDeletedNotificationEventDeleteObjectDetail, aws.S3ObjectDeletedNotificationEventDeleteObjectDetail, "object">>;
export type S3ExpiredDetailRest = Assert<MutualExcept<kata.S3ObjectDeletedNotificationEventLifecycleExpirationDetail, aws.S3ObjectDeletedNotificationEventLifecycleExpirationDetail, "object">>;
export type S3RestoreCompletedRest = Assert<MutualExcept<kata.S3ObjectRestoreCompletedNotificationEventDetail, aws.S3ObjectRestoreCompletedNotificationEventDetail, "object" | "source-storage-class">>;
export type S3StorageClassWider = Assert<Not<Assignable<kata.S3ObjectStorageClassChangedNotificationEventDetail["destination-storage-class"], aws.S3ObjectStorageClassChangedNotificationEventDetail["destination-storage-class"]>>>;
export type S3StorageClassChangedRest = Assert<MutualExcept<kata.S3ObjectStorageClassChangedNotificationEventDetail, aws.S3ObjectStorageClassChangedNotificationEventDetail, "object" | "destination-storage-class">>;
export type S3RestoreInitiatedRest = Assert<MutualExcept<kata.S3ObjectRestoreInitiatedNotificationEventDetail, aws.S3ObjectRestoreInitiatedNotificationEventDetail, "object" | "source-storage-class">>;
export type S3AccessTierRest = Assert<MutualExcept<kata.S3ObjectAccessTierChangedNotificationEventDetail, aws.S3ObjectAccessTierChangedNotificationEventDetail, "object">>;
export type S3AclRest = Assert<MutualExcept<kata.S3ObjectACLUpdatedNotificationEventDetail, aws.S3ObjectACLUpdatedNotificationEventDetail, "object">>;
export type S3TagsAddedRest = Assert<MutualExcept<kata.S3ObjectTagsAddedNotificationEventDetail, aws.S3ObjectTagsAddedNotificationEventDetail, "object">>;
export type S3TagsDeletedRest = Assert<MutualExcept<kata.S3ObjectTagsDeletedNotificationEventDetail, aws.S3ObjectTagsDeletedNotificationEventDetail, "object">>;
export type S3RestoreExpiredRest = Assert<MutualExcept<kata.S3ObjectRestoreExpiredNotificationEventDetail, aws.S3ObjectRestoreExpiredNotificationEventDetail, "object">>;

// ---- S3 Batch Operations --------------------------------------------------------------------
// Schema version 2.0 names the bucket in `s3Bucket` and sends no `s3BucketArn`; @types knows only 1.0.
export type S3BatchTaskRest = Assert<MutualExcept<kata.S3BatchEventTask, aws.S3BatchEventTask, "s3BucketArn">>;
export type S3BatchEventFromAws = Assert<Assignable<aws.S3BatchEvent, kata.S3BatchEvent>>;
export type S3BatchBucketArnOptional = Assert<Not<Assignable<kata.S3BatchEventTask, aws.S3BatchEventTask>>>;
export type S3BatchEventRest = Assert<MutualExcept<kata.S3BatchEvent, aws.S3BatchEvent, "tasks">>;
export type S3BatchResult = Assert<Mutual<kata.S3BatchResult, aws.S3BatchResult>>;

// ---- Scheduled events and CloudWatch alarms -------------------------------------------------
export type Scheduled = Assert<Mutual<kata.ScheduledEvent<Detail>, aws.ScheduledEvent<Detail>>>;
export type ScheduledDefault = Assert<Mutual<kata.ScheduledEvent, aws.ScheduledEvent>>;
export type CloudWatchAlarm = Assert<Mutual<kata.CloudWatchAlarmEvent, aws.CloudWatchAlarmEvent>>;
// ==== end of issue 11 (streams, storage, messaging, CloudWatch, WebSocket) ========================

// ---- Wrong fields on decoded events do not compile ------------------------------------------
export function wrongFieldsDoNotCompile(raw: string): unknown[] {
  const sqs = kata.decodeSQSEvent(raw);
  const http = kata.decodeAPIGatewayProxyEventV2(raw);
  const placed = decodeOrderPlacedEvent(raw);
  const order = decodeOrderMessageEvent(raw);
  const create = decodeCreateOrderEvent(raw);
  const seen: unknown[] = [sqs.Records[0]?.messageId, http.requestContext.http.method, placed.detail.total.amount, order.Records[0]?.body.quantity, create.body.lines];
  // @ts-expect-error -- the field is `messageId`.
  seen.push(sqs.Records[0]?.messageID);
  // @ts-expect-error -- an SQS body is text until a config entry types it.
  seen.push(sqs.Records[0]?.body.orderId);
  // @ts-expect-error -- `http` lives in `requestContext`.
  seen.push(http.http);
  // @ts-expect-error -- `detail-type` is the literal "Order Placed".
  const shipped: "Order Shipped" = placed["detail-type"];
  // @ts-expect-error -- OrderPlaced has `orderId`, not `orderID`.
  seen.push(placed.detail.orderID);
  // @ts-expect-error -- OrderMessage's `quantity` is a number.
  const quantity: string | undefined = order.Records[0]?.body.quantity;
  // @ts-expect-error -- CreateOrder has `customerId`, not `customer`.
  seen.push(create.body.customer);
  // @ts-expect-error -- CreateOrderQuery's `dryRun` is "true" | "false".
  const dryRun: boolean | undefined = create.queryStringParameters.dryRun;
  seen.push(shipped, quantity, dryRun);
  return seen;
}
