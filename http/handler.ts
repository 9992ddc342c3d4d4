import type { LambdaContext } from "../runtime/context.js";
import { logStructured } from "../runtime/logging/structured.js";
import type { StreamingResult } from "../runtime/streaming.js";
import { badRequestResponse } from "./bad-request.js";
import { bytesOf } from "./chunks.js";
import { HttpResultError, InvalidBodyError } from "./errors.js";
import type { HttpEvent, HttpResult } from "./events.js";
import { processorFor, type BoundProcessor } from "./guards.js";
import { InvocationEnv, remember, type LambdaEnv } from "./lambda-request.js";
import { managedStreaming, pipeToResponseStream, type ManagedStreaming } from "./managed-streaming.js";
import type { RequestOptions } from "./processor.js";
import { httpPrelude, streamingHttpResult } from "./streaming.js";

/** A Fetch handler: a function, or an object with `fetch` such as a Hono app. */
export type FetchApp =
  | ((request: Request, env: LambdaEnv) => Response | Promise<Response>)
  | { fetch(request: Request, env: LambdaEnv): Response | Promise<Response> };

export interface HttpOptions extends RequestOptions {
  /**
   * Answer with Lambda response streaming: the body goes out as the app produces it, under kata's
   * loop and under the managed Node.js runtime (through `awslambda.streamifyResponse`). For
   * Function URLs in RESPONSE_STREAM mode and REST API integrations in STREAM mode; events from
   * HTTP APIs and ALBs are still answered buffered, as those cannot stream.
   */
  stream?: boolean | undefined;
}

export type HttpHandler<R> = (event: unknown, context: LambdaContext) => Promise<R>;

/** Turns a Fetch app into a Lambda handler for API Gateway (REST, HTTP API), Function URL and ALB events. */
export function http(app: FetchApp, options?: HttpOptions & { stream?: false | undefined }): HttpHandler<HttpResult>;
export function http(app: FetchApp, options: HttpOptions & { stream: true }): HttpHandler<HttpResult | StreamingResult>;
export function http(app: FetchApp, options?: HttpOptions): HttpHandler<HttpResult | StreamingResult>;
export function http(app: FetchApp, options: HttpOptions = {}): HttpHandler<HttpResult | StreamingResult> {
  const answer = answerWith(app, options);
  const managed = options.stream ? managedStreaming("http(app, { stream: true })") : undefined;
  if (managed !== undefined) return streamifiedHttp(managed, answer);
  const stream = options.stream === true;
  return async (event, context) => {
    const answered = answer(event, context);
    const { processor, response } = answered instanceof Promise ? await answered : answered;
    if (stream && processor.streams) return streamingHttpResult(response);
    // Awaited: returning the promise would cost two more turns of the microtask queue to adopt it.
    return await processor.createResult(response);
  };
}

interface Answered {
  processor: BoundProcessor;
  response: Response;
}

/** The app's answer; not a promise when the app answered at once, so that no turn of the microtask queue is spent on it. */
type Answer = (event: unknown, context: LambdaContext) => Answered | Promise<Answered>;

/** The event as a Request, through the app, to the app's Response. Throws what the app throws, or rejects with it. */
function answerWith(app: FetchApp, options: HttpOptions): Answer {
  const fetch = typeof app === "function" ? app : (request: Request, env: LambdaEnv) => app.fetch(request, env);
  return (event, context) => {
    const processor = processorFor(event);
    let built;
    try {
      built = processor.createRequest(options);
    } catch (error) {
      if (!(error instanceof InvalidBodyError)) throw error;
      // The client's fault, not the function's: a 400, and the app is not called.
      logStructured("WARN", { message: `kata/http: answered 400 without calling the app: ${error.message}.`, reason: "invalid-request", awsRequestId: context.awsRequestId });
      return { processor, response: badRequestResponse(error) };
    }
    const { request, rawPath } = built;
    const env = new InvocationEnv(event as HttpEvent, context, rawPath);
    remember(request, env);
    const response: unknown = fetch(request, env);
    // Hono answers a synchronous route at once.
    if (!isThenable(response)) return { processor, response: checkedResponse(response, request) };
    return Promise.resolve(response).then((resolved) => ({ processor, response: checkedResponse(resolved, request) }));
  };
}

function checkedResponse(response: unknown, request: Request): Response {
  if (isResponse(response)) return response;
  throw new HttpResultError(
    `kata/http: the app answered ${request.method} ${new URL(request.url).pathname} with ${describe(response)} instead of a Response. ` +
      "Return a Response (Hono: return c.text(...), c.json(...)) on every path.",
  );
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null | undefined)?.then === "function";

/**
 * The managed runtime's streaming handler `(event, responseStream, context)`: the prelude through
 * `awslambda.HttpResponseStream.from`, then the body. A source that cannot stream gets its
 * buffered result as JSON, which Lambda passes on as the invocation's payload.
 */
function streamifiedHttp(managed: ManagedStreaming, answer: Answer): HttpHandler<HttpResult | StreamingResult> {
  const streaming = managed.streamifyResponse<unknown, LambdaContext>(async (event, responseStream, context) => {
    const { processor, response } = await answer(event, context);
    if (!processor.streams) {
      responseStream.setContentType("application/json");
      return pipeToResponseStream(bytesOf(JSON.stringify(await processor.createResult(response))), responseStream);
    }
    const out = managed.HttpResponseStream.from(responseStream, httpPrelude(response));
    out.write(new Uint8Array(0)); // the prelude goes out on the first write, even for an empty body
    return pipeToResponseStream(bytesOf(response.body), out);
  });
  return streaming as HttpHandler<HttpResult | StreamingResult>;
}

// Duck-typed, as a Response from another realm is not `instanceof` this one: what the
// conversion uses is the status, the body and the headers with getSetCookie (Node 20+).
function isResponse(value: unknown): value is Response {
  const candidate = value as Partial<Response> | null | undefined;
  return typeof candidate?.status === "number" && typeof candidate.arrayBuffer === "function" && typeof candidate.headers?.getSetCookie === "function";
}

const describe = (value: unknown): string => (value === null ? "null" : value === undefined ? "undefined" : `a ${typeof value}`);
