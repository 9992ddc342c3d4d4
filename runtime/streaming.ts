/**
 * A handler result that asks kata's loop to answer with Lambda response streaming
 * (`Lambda-Runtime-Function-Response-Mode: streaming`, chunked request body) instead of one
 * buffered JSON response. Built by `kata/http` (`http(app, { stream: true })`) and by `stream()`.
 */
export const KATA_STREAMING = Symbol.for("kata.streaming");

export interface StreamingResult {
  readonly [KATA_STREAMING]: true;
  /** Content-Type of the streamed response, e.g. `application/vnd.awslambda.http-integration-response`. */
  readonly contentType: string;
  /** Bytes sent first (for HTTP integrations: the JSON prelude followed by 8 NUL bytes). */
  readonly prelude?: Uint8Array | undefined;
  /** The body, sent chunk by chunk as it is produced. An error thrown from it is reported in trailers. */
  readonly body: AsyncIterable<Uint8Array>;
}

export function isStreamingResult(value: unknown): value is StreamingResult {
  return typeof value === "object" && value !== null && (value as Partial<StreamingResult>)[KATA_STREAMING] === true;
}
