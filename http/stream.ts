import type { KataContext, LambdaContext } from "../runtime/context.js";
import { kataContext } from "../runtime/kata-context.js";
import { KATA_STREAMING, type StreamingResult } from "../runtime/streaming.js";
import { bytesOf, type StreamBody } from "./chunks.js";
import { managedStreaming, pipeToResponseStream } from "./managed-streaming.js";

/** A body with its own content type, for a handler that chooses it per invocation. */
export interface StreamReply {
  contentType?: string | undefined;
  body: StreamBody;
}

export interface StreamOptions {
  /** Content type of every response; `application/octet-stream` when unset. */
  contentType?: string | undefined;
}

export type StreamHandler<E> = (event: E, context: KataContext) => StreamBody | StreamReply | Promise<StreamBody | StreamReply>;

/**
 * A Lambda handler whose response is streamed (InvokeWithResponseStream), under kata's loop and
 * under the managed Node.js runtime (`awslambda.streamifyResponse`), for anything that is not an
 * HTTP integration. The handler returns the body (an async
 * generator, a ReadableStream, an iterable, a string or bytes) or `{ contentType, body }`.
 * An error thrown part-way through is reported to the caller, after the chunks already sent.
 *
 *   export const handler = stream(async function* (event) { for (const row of rows) yield JSON.stringify(row) + "\n"; },
 *     { contentType: "application/x-ndjson" });
 */
export function stream<E = unknown>(handler: StreamHandler<E>, options: StreamOptions = {}): (event: E, context: LambdaContext) => Promise<StreamingResult> {
  const reply = async (event: E, context: LambdaContext): Promise<StreamingResult> => {
    const answer = await handler(event, kataContext(context));
    const given = isReply(answer) ? answer : { body: answer };
    return {
      [KATA_STREAMING]: true,
      contentType: given.contentType ?? options.contentType ?? "application/octet-stream",
      body: bytesOf(given.body),
    };
  };
  const managed = managedStreaming("stream(handler)");
  if (managed === undefined) return reply;
  const streaming = managed.streamifyResponse<E, LambdaContext>(async (event, responseStream, context) => {
    const { contentType, body } = await reply(event, context);
    responseStream.setContentType(contentType);
    await pipeToResponseStream(body, responseStream);
  });
  // The managed runtime calls it as (event, responseStream, context); the type is kata's loop's.
  return streaming as (event: E, context: LambdaContext) => Promise<StreamingResult>;
}

function isReply(value: StreamBody | StreamReply): value is StreamReply {
  return (
    typeof value === "object" &&
    value !== null &&
    "body" in value &&
    !(value instanceof Uint8Array) &&
    !(value instanceof ReadableStream) &&
    !(Symbol.asyncIterator in value) &&
    !(Symbol.iterator in value)
  );
}
