/**
 * `kata/http`: run a Fetch app (a `(request) => Response` function, or a Hono app) on Lambda
 * behind API Gateway (REST and HTTP APIs), Function URLs and ALB, buffered or streamed.
 */
export { http, type FetchApp, type HttpHandler, type HttpOptions } from "./handler.js";
export { stream, type StreamHandler, type StreamOptions, type StreamReply } from "./stream.js";
export { getLambdaContext, getLambdaEvent, getRawPath, type LambdaEnv } from "./lambda-request.js";
export { isTextContentType } from "./body.js";
export { HTTP_INTEGRATION_CONTENT_TYPE } from "./streaming.js";
export type { StreamBody, Chunk } from "./chunks.js";
export { HttpEventError, HttpResultError, InvalidBodyError, NotALambdaRequestError, StreamingNotSupportedError, UnsupportedEventError } from "./errors.js";
export type { AlbEvent, AlbResult, HttpApiEvent, HttpApiResult, HttpEvent, HttpResult, RestApiEvent, RestApiResult } from "./events.js";
