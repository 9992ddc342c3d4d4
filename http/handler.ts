import type { LambdaContext } from "../runtime/context.js";
import type { StreamingResult } from "../runtime/streaming.js";
import { badRequestResponse } from "./bad-request.js";
import { assertKataStreaming, HttpResultError, InvalidBodyError } from "./errors.js";
import type { HttpEvent, HttpResult } from "./events.js";
import { processorFor, type BoundProcessor } from "./guards.js";
import { remember, type LambdaEnv } from "./lambda-request.js";
import type { RequestOptions } from "./processor.js";
import { streamingHttpResult } from "./streaming.js";

/** A Fetch handler: a function, or an object with `fetch` such as a Hono app. */
export type FetchApp =
  | ((request: Request, env: LambdaEnv) => Response | Promise<Response>)
  | { fetch(request: Request, env: LambdaEnv): Response | Promise<Response> };

export interface HttpOptions extends RequestOptions {
  /**
   * Answer with Lambda response streaming (under kata's loop): the body goes out as the app
   * produces it. For Function URLs in RESPONSE_STREAM mode and REST API integrations in STREAM
   * mode; events from HTTP APIs and ALBs are still answered buffered, as those cannot stream.
   */
  stream?: boolean | undefined;
}

export type HttpHandler<R> = (event: unknown, context: LambdaContext) => Promise<R>;

/** Turns a Fetch app into a Lambda handler for API Gateway (REST, HTTP API), Function URL and ALB events. */
export function http(app: FetchApp, options?: HttpOptions & { stream?: false | undefined }): HttpHandler<HttpResult>;
export function http(app: FetchApp, options: HttpOptions & { stream: true }): HttpHandler<HttpResult | StreamingResult>;
export function http(app: FetchApp, options?: HttpOptions): HttpHandler<HttpResult | StreamingResult>;
export function http(app: FetchApp, options: HttpOptions = {}): HttpHandler<HttpResult | StreamingResult> {
  if (options.stream) assertKataStreaming("http(app, { stream: true })");
  const fetch = typeof app === "function" ? app : (request: Request, env: LambdaEnv) => app.fetch(request, env);
  const answer = async (event: unknown, context: LambdaContext, processor: BoundProcessor): Promise<Response> => {
    let built;
    try {
      built = processor.createRequest(options);
    } catch (error) {
      if (!(error instanceof InvalidBodyError)) throw error;
      // The client's fault, not the function's: a 400, and the app is not called.
      console.warn(`kata/http: answered 400 without calling the app: ${error.message}.`);
      return badRequestResponse(error);
    }
    const { request, rawPath } = built;
    const env: LambdaEnv = { event: event as HttpEvent, context, rawPath };
    remember(request, env);
    const response: unknown = await fetch(request, env);
    if (!isResponse(response)) {
      throw new HttpResultError(
        `kata/http: the app answered ${request.method} ${new URL(request.url).pathname} with ${describe(response)} instead of a Response. ` +
          "Return a Response (Hono: return c.text(...), c.json(...)) on every path.",
      );
    }
    return response;
  };
  return async (event, context) => {
    const processor = processorFor(event);
    const response = await answer(event, context, processor);
    if (options.stream && processor.streams) return streamingHttpResult(response);
    return processor.createResult(response);
  };
}

// Duck-typed, as a Response from another realm is not `instanceof` this one: what the
// conversion uses is the status, the body and the headers with getSetCookie (Node 20+).
function isResponse(value: unknown): value is Response {
  const candidate = value as Partial<Response> | null | undefined;
  return typeof candidate?.status === "number" && typeof candidate.arrayBuffer === "function" && typeof candidate.headers?.getSetCookie === "function";
}

const describe = (value: unknown): string => (value === null ? "null" : value === undefined ? "undefined" : `a ${typeof value}`);
