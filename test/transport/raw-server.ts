import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP server on 127.0.0.1 whose responses are exact bytes written by the test, for the cases a
 * `node:http` server cannot produce (split writes, malformed or legacy framing, resets). It frames
 * incoming requests itself (Content-Length or chunked) and records their exact bytes.
 */

export interface RawRequest {
  /** The whole request as received, decoded as latin1 (one char per byte). */
  text: string;
  /** Index of the accepted connection it came on (0 for the first). */
  connection: number;
  socket: Socket;
}

export type Responder = (request: RawRequest) => void | Promise<void>;

export class RawServer {
  readonly requests: RawRequest[] = [];
  readonly sockets: Socket[] = [];
  respond: Responder = () => {};
  private constructor(private readonly server: Server) {}

  static async start(respond?: Responder): Promise<RawServer> {
    const raw: RawServer = new RawServer(createServer((socket) => raw.accept(socket)));
    if (respond !== undefined) raw.respond = respond;
    await new Promise<void>((resolve) => raw.server.listen(0, "127.0.0.1", resolve));
    return raw;
  }

  /** `host:port`, as in AWS_LAMBDA_RUNTIME_API. */
  get address(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const connection = this.sockets.length;
    this.sockets.push(socket);
    socket.setNoDelay(true);
    socket.on("error", () => {}); // resets provoked by a test are expected
    let pending = "";
    socket.on("data", (data: Buffer) => {
      pending += data.toString("latin1");
      for (let length = requestLength(pending); length > 0; length = requestLength(pending)) {
        const request = { text: pending.slice(0, length), connection, socket };
        pending = pending.slice(length);
        this.requests.push(request);
        void this.respond(request);
      }
    });
  }
}

/** Length of the first complete request in `text`, or 0 when it is not complete yet. */
function requestLength(text: string): number {
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd === -1) return 0;
  const head = text.slice(0, headEnd).toLowerCase();
  let pos = headEnd + 4;
  if (head.includes("\r\ntransfer-encoding: chunked")) {
    for (;;) {
      const lineEnd = text.indexOf("\r\n", pos);
      if (lineEnd === -1) return 0;
      const size = parseInt(text.slice(pos, lineEnd), 16);
      if (size === 0) {
        const trailersEnd = text.indexOf("\r\n\r\n", lineEnd);
        return trailersEnd === -1 ? 0 : trailersEnd + 4;
      }
      pos = lineEnd + 2 + size + 2;
      if (pos > text.length) return 0;
    }
  }
  const length = /\r\ncontent-length: (\d+)/.exec(head);
  pos += length === null ? 0 : Number(length[1]);
  return pos <= text.length ? pos : 0;
}

/** Resolves after the client has had a chance to read what was written before. */
export function flush(): Promise<void> {
  // Loopback writes land in the peer's receive queue at once; two turns of the event loop let
  // the client's poll phase read them before anything else is written.
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
