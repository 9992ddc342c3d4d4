import { isManagedAwsLambdaGlobal } from "../runtime/awslambda-global.js";
import { StreamingNotSupportedError } from "./errors.js";

/** The writable `responseStream` the managed runtime hands a streamified handler (aws-lambda-ric's ResponseStream). */
export interface ResponseStream {
  write(chunk: Uint8Array): boolean;
  end(callback?: () => void): unknown;
  once(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
  setContentType(contentType: string): void;
  readonly destroyed?: boolean;
}

/** What the managed Node.js runtime puts on `globalThis.awslambda` for response streaming. */
export interface ManagedStreaming {
  streamifyResponse<E, C>(handler: (event: E, responseStream: ResponseStream, context: C) => Promise<void>): unknown;
  HttpResponseStream: { from(responseStream: ResponseStream, prelude: Record<string, unknown>): ResponseStream };
}

/**
 * Which loop will stream: `undefined` under kata's loop (no `awslambda` global, or kata's own), the managed
 * runtime's `awslambda` when it offers `streamifyResponse` and `HttpResponseStream` (aws-lambda-ric,
 * nodejs18.x and later). A managed runtime without them cannot stream: `what` is refused at load time.
 */
export function managedStreaming(what: string): ManagedStreaming | undefined {
  const awslambda = (globalThis as unknown as { awslambda?: Partial<ManagedStreaming> }).awslambda;
  if (!isManagedAwsLambdaGlobal(awslambda)) return undefined;
  if (typeof awslambda.streamifyResponse === "function" && typeof awslambda.HttpResponseStream?.from === "function") return awslambda as ManagedStreaming;
  throw new StreamingNotSupportedError(what);
}

/**
 * Writes the body to the runtime's stream as it is produced, waiting when the stream is full, then
 * ends it. An error from the body propagates: the managed runtime then logs `Invoke Error` and ends
 * the stream with the error trailers, as kata's loop does.
 */
export async function pipeToResponseStream(body: AsyncIterable<Uint8Array>, out: ResponseStream): Promise<void> {
  for await (const chunk of body) {
    if (!out.write(chunk)) await roomIn(out);
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

function roomIn(out: ResponseStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const drained = () => {
      out.off("close", closed);
      resolve();
    };
    const closed = () => {
      out.off("drain", drained);
      reject(new Error("kata/http: the managed runtime closed the response stream before the whole body was written"));
    };
    out.once("drain", drained);
    out.once("close", closed);
  });
}
