/**
 * Event builders for the `kata/http` tests, from the shapes in the AWS documentation
 * ("Input format of a Lambda function for proxy integration", "HTTP API payload format 2.0",
 * "Lambda function URL request payload", "Lambda functions as ALB targets").
 */
import type { LambdaContext } from "../../runtime/context.js";

type Json = Record<string, any>;

export const REST_HOST = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";
export const HTTP_API_HOST = "r3pmxmplak.execute-api.us-east-1.amazonaws.com";
export const FUNCTION_URL_HOST = "abcdefg7hijklmnop.lambda-url.us-east-1.on.aws";
export const ALB_HOST = "lambda-alb-123578498.us-east-1.elb.amazonaws.com";

/** A REST API proxy event: both header maps, both query maps, the stage left out of `path`. */
export function restEvent(fields: { method?: string; path?: string; headers?: Record<string, string[]>; query?: Record<string, string[]>; body?: string | null; isBase64Encoded?: boolean; stage?: string; host?: string } = {}): Json {
  const path = fields.path ?? "/orders/42";
  const stage = fields.stage ?? "prod";
  const host = fields.host ?? REST_HOST;
  const multiValueHeaders = { Host: [host], "User-Agent": ["curl/8.5.0"], "X-Forwarded-Proto": ["https"], ...fields.headers };
  const query = fields.query ?? null;
  return {
    resource: "/{proxy+}",
    path,
    httpMethod: fields.method ?? "GET",
    headers: Object.fromEntries(Object.entries(multiValueHeaders).map(([k, v]) => [k, v.at(-1)])),
    multiValueHeaders,
    queryStringParameters: query && Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.at(-1)])),
    multiValueQueryStringParameters: query,
    pathParameters: { proxy: path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      domainName: host,
      domainPrefix: host.split(".")[0],
      httpMethod: fields.method ?? "GET",
      path: `/${stage}${path}`,
      protocol: "HTTP/1.1",
      requestId: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
      resourcePath: "/{proxy+}",
      stage,
    },
    body: fields.body ?? null,
    isBase64Encoded: fields.isBase64Encoded ?? false,
  };
}

/** An HTTP API payload 2.0 event: raw path (with a named stage in it) and raw query string. */
export function httpApiEvent(fields: { method?: string; rawPath?: string; rawQueryString?: string; headers?: Record<string, string>; cookies?: string[]; body?: string; isBase64Encoded?: boolean; stage?: string; host?: string } = {}): Json {
  const host = fields.host ?? HTTP_API_HOST;
  const event: Json = {
    version: "2.0",
    routeKey: "$default",
    rawPath: fields.rawPath ?? "/my/path",
    rawQueryString: fields.rawQueryString ?? "",
    headers: { host, "user-agent": "curl/8.5.0", "x-forwarded-proto": "https", ...fields.headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "r3pmxmplak",
      domainName: host,
      domainPrefix: host.split(".")[0],
      http: { method: fields.method ?? "GET", path: fields.rawPath ?? "/my/path", protocol: "HTTP/1.1", sourceIp: "198.51.100.23", userAgent: "curl/8.5.0" },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "$default",
      stage: fields.stage ?? "$default",
      time: "10/Mar/2020:05:16:23 +0000",
      timeEpoch: 1583817383220,
    },
    isBase64Encoded: fields.isBase64Encoded ?? false,
  };
  if (fields.cookies) event.cookies = fields.cookies;
  if (fields.body !== undefined) event.body = fields.body;
  return event;
}

/** A Function URL event: payload 2.0 with `$default` stage and the `lambda-url` domain. */
export function functionUrlEvent(fields: Parameters<typeof httpApiEvent>[0] = {}): Json {
  const event = httpApiEvent({ host: FUNCTION_URL_HOST, ...fields, stage: "$default" });
  event.requestContext.apiId = "abcdefg7hijklmnop";
  event.requestContext.authorizer = { iam: { accessKey: "AKIA...", accountId: "111122223333", callerId: "AIDA...", userArn: "arn:aws:iam::111122223333:user/example" } };
  return event;
}

/** An ALB target event; `multiValue` matches the target group's multi-value headers setting. */
export function albEvent(fields: { method?: string; path?: string; headers?: Record<string, string[]>; query?: Record<string, string[]>; body?: string; isBase64Encoded?: boolean; multiValue?: boolean; proto?: string } = {}): Json {
  const headers: Record<string, string[]> = { host: [ALB_HOST], "user-agent": ["curl/8.5.0"], "x-forwarded-proto": [fields.proto ?? "https"], ...fields.headers };
  const query = fields.query ?? {};
  const event: Json = {
    requestContext: { elb: { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-tg/6d0ecf831eec9f09" } },
    httpMethod: fields.method ?? "GET",
    path: fields.path ?? "/lambda",
    body: fields.body ?? "",
    isBase64Encoded: fields.isBase64Encoded ?? false,
  };
  if (fields.multiValue) {
    event.multiValueHeaders = headers;
    event.multiValueQueryStringParameters = query;
  } else {
    event.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.at(-1)]));
    event.queryStringParameters = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.at(-1)]));
  }
  return event;
}

/** A Lambda context as kata's loop builds it. */
export function lambdaContext(requestId = "8f5a3c1e-0000-4000-8000-000000000001"): LambdaContext {
  const deadlineMs = Date.now() + 30_000;
  return {
    awsRequestId: requestId,
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:web",
    functionName: "web",
    functionVersion: "$LATEST",
    memoryLimitInMB: "512",
    logGroupName: "/aws/lambda/web",
    logStreamName: "2024/11/24/[$LATEST]0123456789abcdef",
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => deadlineMs - Date.now(),
    deadlineMs,
    signal: new AbortController().signal,
  };
}

/** The 70-byte 1×1 PNG: bytes that are not valid UTF-8 (0x89 first), so text handling would corrupt them. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
