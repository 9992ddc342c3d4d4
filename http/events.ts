/**
 * The parts of the HTTP event sources that `kata/http` reads, and the results it returns.
 * Declared here (not taken from `@types/aws-lambda`) so that `kata/http` has no type dependency,
 * and kept to the fields the adapter uses: the full shapes are in `kata/events`.
 */

type Maybe<T> = T | null | undefined;

/** What the REST proxy format and ALB events share. */
interface ProxyEventFields {
  httpMethod: string;
  path: string;
  headers?: Maybe<Record<string, Maybe<string>>>;
  multiValueHeaders?: Maybe<Record<string, Maybe<string[]>>>;
  queryStringParameters?: Maybe<Record<string, Maybe<string>>>;
  multiValueQueryStringParameters?: Maybe<Record<string, Maybe<string[]>>>;
  body?: Maybe<string>;
  isBase64Encoded?: boolean;
  [key: string]: unknown;
}

/** API Gateway REST API proxy event, and HTTP API events with payload format 1.0. */
export interface RestApiEvent extends ProxyEventFields {
  /** `"1.0"` for HTTP API payload 1.0; absent for REST APIs. */
  version?: string;
  requestContext: { stage?: string; domainName?: string; [key: string]: unknown };
}

/** API Gateway HTTP API event with payload format 2.0; Lambda Function URLs send the same shape. */
export interface HttpApiEvent {
  version: "2.0";
  rawPath: string;
  rawQueryString?: string;
  cookies?: Maybe<string[]>;
  headers?: Maybe<Record<string, Maybe<string>>>;
  requestContext: { http: { method: string }; stage?: string; domainName?: string; [key: string]: unknown };
  body?: Maybe<string>;
  isBase64Encoded?: boolean;
  [key: string]: unknown;
}

/** Application Load Balancer target event; multi-value fields only when the target group enables them. */
export interface AlbEvent extends ProxyEventFields {
  requestContext: { elb: { targetGroupArn: string } };
}

export type HttpEvent = RestApiEvent | HttpApiEvent | AlbEvent;

interface ResultBody {
  statusCode: number;
  body: string;
  isBase64Encoded: boolean;
}

/** What API Gateway REST APIs (and HTTP API payload 1.0) expect back. */
export interface RestApiResult extends ResultBody {
  multiValueHeaders: Record<string, string[]>;
}

/** What HTTP APIs (payload 2.0) and Function URLs expect back. */
export interface HttpApiResult extends ResultBody {
  headers: Record<string, string>;
  cookies?: string[];
}

/** What an ALB expects back: `multiValueHeaders` exactly when the event had them. */
export interface AlbResult extends ResultBody {
  statusDescription: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
}

export type HttpResult = RestApiResult | HttpApiResult | AlbResult;
