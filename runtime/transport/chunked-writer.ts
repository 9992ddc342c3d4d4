import type { Socket } from "node:net";
import { lastChunk } from "./request-head.js";

const END_OF_BODY = lastChunk(undefined);

/**
 * Writes a `Transfer-Encoding: chunked` request body (RFC 9112 §7.1) chunk by chunk as `body`
 * produces it, never holding more than the socket's own buffer. When `body` throws, the body is
 * ended with the trailers `trailersFor(error)` returns. Rejects only when the end cannot be
 * written properly (trailersFor threw or gave an invalid trailer): the caller must then abort the
 * request, or the server would take the truncated body as complete.
 */
export async function writeChunkedBody(
  socket: Socket,
  body: AsyncIterable<Uint8Array>,
  trailersFor: (error: unknown) => Record<string, string>,
): Promise<void> {
  let end = END_OF_BODY;
  try {
    for await (const chunk of body) {
      // Leaving the loop tells the producer to stop: nobody will read what it makes.
      if (socket.destroyed) return;
      if (chunk.length === 0) continue; // a zero-size chunk would end the body early
      socket.cork();
      socket.write(chunk.length.toString(16) + "\r\n");
      socket.write(chunk);
      socket.write("\r\n");
      socket.uncork();
      if (socket.writableNeedDrain) await drained(socket);
    }
  } catch (error) {
    if (socket.destroyed) return;
    end = lastChunk(trailersFor(error));
  }
  if (!socket.destroyed) socket.write(end);
}

/** Resolves when the socket can take more data, or is gone. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off("drain", done);
      socket.off("close", done);
      resolve();
    };
    socket.on("drain", done);
    socket.on("close", done);
  });
}
