/** Body chunks as bytes, from whatever a Response body or a `stream()` handler produces. */

export type Chunk = Uint8Array | string;

/** A body to stream: chunks as they come, or all at once. */
export type StreamBody = AsyncIterable<Chunk> | Iterable<Chunk> | ReadableStream<Chunk> | Chunk;

const encoder = new TextEncoder();

function toBytes(chunk: unknown, index: number): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return encoder.encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError(`kata/http: body chunk ${index} is ${chunk === null ? "null" : typeof chunk}; produce Uint8Array or string chunks.`);
}

/**
 * The body as an async iterable of bytes. A ReadableStream is read with a reader, so that a
 * consumer that stops early (the runtime lost its connection) cancels the producer.
 */
export async function* bytesOf(body: StreamBody | null): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  if (typeof body === "string" || body instanceof Uint8Array) {
    if (body.length > 0) yield toBytes(body, 0);
    return;
  }
  if (body instanceof ReadableStream) return yield* readerChunks(body);
  let index = 0;
  for await (const chunk of body as AsyncIterable<unknown>) yield toBytes(chunk, index++);
}

async function* readerChunks(stream: ReadableStream<unknown>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (let index = 0; ; index++) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield toBytes(next.value, index);
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
