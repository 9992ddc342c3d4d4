import type { IncomingMessage } from "node:http";

export interface ReadBody {
  /** The body, or its first `limit` bytes when it is over the limit. */
  body: Buffer;
  size: number;
  overLimit: boolean;
}

/**
 * Reads a request body, keeping at most `limit` bytes. A body over the limit is still read to its
 * end (and dropped), so that the client sees the error reply instead of a reset connection.
 * `onChunk` sees each chunk within the limit as it arrives.
 */
export function readBody(req: IncomingMessage, limit: number, onChunk?: (chunk: Buffer) => void): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return;
      chunks.push(chunk);
      onChunk?.(chunk);
    });
    req.once("end", () => resolve({ body: size <= limit ? Buffer.concat(chunks, size) : Buffer.alloc(0), size, overLimit: size > limit }));
    req.once("error", reject);
  });
}
