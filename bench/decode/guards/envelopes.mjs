import { allStrings, isObject, isString, isStringArray, isStringArrayMap, isStringMap, optionalString, optionalStringOrNull, stringMapOrNull } from "./checks.mjs";

/*
 * Hand-written guards for the envelopes, checking what kata's built-in schemas (schemas/*.schema.json)
 * check: required fields, their types, nullability and constants. What a careful user writes without
 * a validator library.
 */

const SQS_RECORD_STRINGS = ["messageId", "receiptHandle", "body", "md5OfBody", "eventSourceARN", "awsRegion"];
const SQS_ATTRIBUTE_STRINGS = ["ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"];
const SQS_OPTIONAL_ATTRIBUTES = ["AWSTraceHeader", "SequenceNumber", "MessageGroupId", "MessageDeduplicationId", "DeadLetterQueueSourceArn"];

function isSqsMessageAttribute(v) {
  return isObject(v) && isString(v.dataType) && optionalString(v.stringValue) && optionalString(v.binaryValue) &&
    (v.stringListValues === undefined || isStringArray(v.stringListValues)) && (v.binaryListValues === undefined || isStringArray(v.binaryListValues));
}

function isSqsRecord(r) {
  if (!isObject(r) || !allStrings(r, SQS_RECORD_STRINGS) || r.eventSource !== "aws:sqs" || !optionalStringOrNull(r.md5OfMessageAttributes)) return false;
  const a = r.attributes;
  if (!isObject(a) || !allStrings(a, SQS_ATTRIBUTE_STRINGS)) return false;
  for (const key of SQS_OPTIONAL_ATTRIBUTES) if (!optionalString(a[key])) return false;
  if (!isObject(r.messageAttributes)) return false;
  for (const name in r.messageAttributes) if (!isSqsMessageAttribute(r.messageAttributes[name])) return false;
  return true;
}

export function isSQSEvent(e) {
  if (!isObject(e) || !Array.isArray(e.Records)) return false;
  for (const record of e.Records) if (!isSqsRecord(record)) return false;
  return true;
}

const EVENTBRIDGE_STRINGS = ["version", "id", "detail-type", "source", "account", "time", "region"];

export function isEventBridgeEvent(e) {
  return isObject(e) && allStrings(e, EVENTBRIDGE_STRINGS) && isStringArray(e.resources) && isObject(e.detail) && optionalString(e["replay-name"]);
}

function isClientCert(c) {
  return isObject(c) && allStrings(c, ["clientCertPem", "serialNumber", "subjectDN", "issuerDN"]) && isObject(c.validity) && allStrings(c.validity, ["notBefore", "notAfter"]);
}

const V1_IDENTITY_NULLABLE = ["accessKey", "accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "user", "userAgent", "userArn"];

function isV1Identity(i) {
  if (!isObject(i) || !isString(i.sourceIp) || !optionalString(i.vpcId) || !optionalString(i.vpceId)) return false;
  for (const key of V1_IDENTITY_NULLABLE) if (!optionalStringOrNull(i[key])) return false;
  return i.clientCert === undefined || i.clientCert === null || isClientCert(i.clientCert);
}

const V1_CONTEXT_STRINGS = ["accountId", "apiId", "httpMethod", "path", "protocol", "requestId", "resourcePath", "stage"];
const V1_CONTEXT_OPTIONAL = ["deploymentId", "domainName", "domainPrefix", "extendedRequestId", "requestTime"];

function isV1RequestContext(c) {
  if (!isObject(c) || !allStrings(c, V1_CONTEXT_STRINGS) || typeof c.requestTimeEpoch !== "number" || !isV1Identity(c.identity)) return false;
  for (const key of V1_CONTEXT_OPTIONAL) if (!optionalString(c[key])) return false;
  return optionalStringOrNull(c.resourceId) && (c.authorizer === undefined || c.authorizer === null || isObject(c.authorizer));
}

const arrayMapOrNull = (v) => v === null || isStringArrayMap(v);

export function isAPIGatewayProxyEvent(e) {
  return isObject(e) && allStrings(e, ["resource", "path", "httpMethod"]) && stringMapOrNull(e.headers) && arrayMapOrNull(e.multiValueHeaders) &&
    stringMapOrNull(e.queryStringParameters) && arrayMapOrNull(e.multiValueQueryStringParameters) && stringMapOrNull(e.pathParameters) &&
    stringMapOrNull(e.stageVariables) && isV1RequestContext(e.requestContext) && (e.body === null || isString(e.body)) && typeof e.isBase64Encoded === "boolean";
}

const V2_CONTEXT_STRINGS = ["accountId", "apiId", "domainName", "domainPrefix", "requestId", "routeKey", "stage", "time"];

function isV2Authorizer(a) {
  if (!isObject(a)) return false;
  if (isObject(a.jwt)) return isObject(a.jwt.claims) && (a.jwt.scopes === null || isStringArray(a.jwt.scopes));
  if (isObject(a.iam)) return allStrings(a.iam, ["accessKey", "accountId", "callerId", "userArn", "userId"]);
  return "lambda" in a && (a.lambda === null || isObject(a.lambda));
}

function isV2RequestContext(c) {
  if (!isObject(c) || !allStrings(c, V2_CONTEXT_STRINGS) || typeof c.timeEpoch !== "number") return false;
  if (!isObject(c.http) || !allStrings(c.http, ["method", "path", "protocol", "sourceIp", "userAgent"])) return false;
  const auth = c.authentication;
  if (auth !== undefined && auth !== null && (!isObject(auth) || (auth.clientCert !== undefined && !isClientCert(auth.clientCert)))) return false;
  return c.authorizer === undefined || isV2Authorizer(c.authorizer);
}

const optionalMapOrNull = (v) => v === undefined || v === null || isStringMap(v);

export function isAPIGatewayProxyEventV2(e) {
  return isObject(e) && e.version === "2.0" && allStrings(e, ["routeKey", "rawPath", "rawQueryString"]) && (e.cookies === undefined || isStringArray(e.cookies)) &&
    isStringMap(e.headers) && (e.queryStringParameters === undefined || isStringMap(e.queryStringParameters)) && optionalMapOrNull(e.pathParameters) &&
    optionalMapOrNull(e.stageVariables) && isV2RequestContext(e.requestContext) && optionalString(e.body) && typeof e.isBase64Encoded === "boolean";
}
