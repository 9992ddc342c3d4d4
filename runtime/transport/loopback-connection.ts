import type { Socket } from "node:net";
import { connect } from "../builtins.js";
import type { ConnectionFactory, RuntimeApiConnection, RuntimeApiResponse } from "./connection.js";
import { ConnectionInUseError, RuntimeApiAddressError, RuntimeApiConnectionError, RuntimeApiProtocolError } from "./errors.js";
import { ResponseParser } from "./http1-parser.js";
import { ReadSlab } from "./read-slab.js";
import { requestHead } from "./request-head.js";
import { writeChunkedBody } from "./chunked-writer.js";

/**
 * A purpose-built HTTP/1.1 client for the Lambda Runtime API on loopback: one keep-alive socket,
 * each request written with one `write`, responses parsed straight from the read buffer. It does
 * per request a fraction of the work of `node:http` (no ClientRequest/IncomingMessage streams,
 * no agent), which is most of the runtime loop's own CPU per invocation.
 *
 * The long-poll `GET /next` may wait for minutes, so there is deliberately no client timeout.
 */
export const connectLoopback: ConnectionFactory = (address) => new LoopbackConnection(address);

/** Bodies up to this size are copied behind the head so that both leave in a single packet. */
const COALESCE_LIMIT = 16 * 1024;

export class LoopbackConnection implements RuntimeApiConnection {
  private readonly address: string;
  private readonly host: string;
  private readonly port: number;
  private readonly parser = new ResponseParser();
  private readonly slab = new ReadSlab();
  private socket: Socket | undefined;
  /** The socket already carried a response, so the server may have closed it while it was idle. */
  private socketReused = false;
  private closed = false;
  /** Set while `stream()` is still writing the body to this socket. */
  private writingTo: Socket | undefined;
  private cachedGetPath = "";
  private cachedGetHead = Buffer.alloc(0);

  // The request in flight, kept in fields rather than in a closure per request.
  private method = "";
  private path = "";
  private head: string | Buffer = "";
  private body: Uint8Array | undefined;
  /** A GET sent on a reused socket may be sent again once if that socket was already dead. */
  private replayable = false;
  private resolve: ((response: RuntimeApiResponse) => void) | undefined;
  private reject: ((error: Error) => void) | undefined;

  constructor(address: string) {
    const colon = address.lastIndexOf(":");
    const port = Number(address.slice(colon + 1));
    const host = address.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
    if (colon < 1 || !Number.isInteger(port) || port < 1 || port > 65535 || !/^[\x21-\x7e]+$/.test(address)) {
      throw new RuntimeApiAddressError(address);
    }
    this.address = address;
    this.host = host;
    this.port = port;
  }

  request(method: "GET" | "POST", path: string, headers?: Record<string, string>, body?: Uint8Array | string): Promise<RuntimeApiResponse> {
    const refusal = this.refusal(method, path);
    if (refusal !== undefined) return Promise.reject(refusal);
    let head: string | Buffer;
    let rest: Uint8Array | undefined;
    try {
      if (body === undefined) {
        head = headers === undefined && method === "GET" ? this.getHead(path) : requestHead(method, path, this.address, headers, method === "GET" ? "none" : 0);
      } else if (typeof body === "string") {
        head = requestHead(method, path, this.address, headers, Buffer.byteLength(body)) + body;
      } else {
        const text = requestHead(method, path, this.address, headers, body.length);
        if (body.length > COALESCE_LIMIT) [head, rest] = [text, body];
        else head = coalesce(text, body);
      }
    } catch (error) {
      return Promise.reject(error);
    }
    return this.begin(method, path, head, rest);
  }

  stream(
    path: string,
    headers: Record<string, string>,
    body: AsyncIterable<Uint8Array>,
    trailersFor: (error: unknown) => Record<string, string>,
  ): Promise<RuntimeApiResponse> {
    const refusal = this.refusal("POST", path);
    if (refusal !== undefined) return Promise.reject(refusal);
    let head: string;
    try {
      head = requestHead("POST", path, this.address, headers, "chunked");
    } catch (error) {
      return Promise.reject(error);
    }
    const response = this.begin("POST", path, head, undefined);
    const socket = this.socket as Socket;
    this.writingTo = socket;
    writeChunkedBody(socket, body, trailersFor).then(
      () => {
        if (this.writingTo === socket) this.writingTo = undefined;
      },
      (error: unknown) => this.abortStream(socket, error),
    );
    return response;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.reject !== undefined) this.lose("the connection was closed by close()");
    this.drop();
  }

  private refusal(method: string, path: string): Error | undefined {
    if (this.closed) return new RuntimeApiConnectionError(method, path, "the connection was closed by close()", 0);
    if (this.resolve !== undefined) return new ConnectionInUseError(`${this.method} ${this.path}`, `${method} ${path}`);
    return undefined;
  }

  /** The bytes of a bodyless GET, built once per path (the loop polls the same `/next` forever). */
  private getHead(path: string): Buffer {
    if (path !== this.cachedGetPath) {
      this.cachedGetHead = Buffer.from(requestHead("GET", path, this.address, undefined, "none"), "latin1");
      this.cachedGetPath = path;
    }
    return this.cachedGetHead;
  }

  private begin(method: string, path: string, head: string | Buffer, body: Uint8Array | undefined): Promise<RuntimeApiResponse> {
    this.method = method;
    this.path = path;
    this.head = head;
    this.body = body;
    return new Promise<RuntimeApiResponse>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      this.transmit();
    });
  }

  private transmit(): void {
    this.replayable = this.socketReused && this.method === "GET";
    const socket = this.socket ?? this.open();
    socket.ref();
    if (this.body === undefined) {
      socket.write(this.head);
    } else {
      socket.cork();
      socket.write(this.head);
      socket.write(this.body);
      socket.uncork();
    }
  }

  private open(): Socket {
    const socket: Socket = connect({
      host: this.host,
      port: this.port,
      noDelay: true,
      onread: { buffer: this.slab.next, callback: (n: number, buffer: Uint8Array): boolean => this.onRead(socket, n, buffer as Buffer) },
    });
    socket.setNoDelay(true);
    socket.on("end", () => this.onEnd(socket));
    socket.on("error", (error: NodeJS.ErrnoException) => this.onError(socket, error));
    socket.on("close", () => this.onClose(socket));
    this.socket = socket;
    this.socketReused = false;
    return socket;
  }

  private onRead(socket: Socket, n: number, buffer: Buffer): boolean {
    if (socket !== this.socket) return false;
    if (this.resolve === undefined) {
      this.drop(); // bytes nobody asked for: this connection can no longer be trusted
      return false;
    }
    let response: RuntimeApiResponse | undefined;
    try {
      response = this.parser.execute(buffer.subarray(0, n));
    } catch (error) {
      const problem = new RuntimeApiProtocolError(this.method, this.path, (error as Error).message);
      this.drop();
      this.settle(undefined, problem);
      return false;
    }
    if (this.parser.retainsInput) this.slab.keep(n);
    if (response === undefined) return true;
    // A connection is reused only when this response ended it cleanly and the request body did too.
    if (!this.parser.keepAlive || this.parser.excess > 0 || this.writingTo === socket) this.drop();
    else {
      this.socketReused = true;
      socket.unref();
    }
    this.settle(response, undefined);
    return true;
  }

  private onEnd(socket: Socket): void {
    if (socket !== this.socket) return;
    const response = this.resolve === undefined ? undefined : this.parser.endOfInput();
    if (response !== undefined) {
      this.drop();
      this.settle(response, undefined);
    } else if (this.resolve !== undefined) {
      this.lose(`the Runtime API at ${this.address} closed the connection`);
    } else {
      this.drop(); // an idle keep-alive close: the next request opens a new connection
    }
  }

  private onError(socket: Socket, error: NodeJS.ErrnoException): void {
    if (socket !== this.socket) return;
    if (this.resolve === undefined) return this.drop();
    const code = error.code ?? error.message;
    if (socket.connecting || code === "ECONNREFUSED") {
      this.drop();
      this.settle(undefined, new RuntimeApiConnectionError(this.method, this.path, `cannot connect to the Runtime API at ${this.address} (${code}); check AWS_LAMBDA_RUNTIME_API`, 0, error));
    } else {
      this.lose(`the connection to the Runtime API at ${this.address} failed (${code})`, error);
    }
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    if (this.resolve !== undefined) this.lose(`the connection to the Runtime API at ${this.address} closed`);
    else this.drop();
  }

  /** The socket died while a request was in flight: send a replayable GET again, reject anything else. */
  private lose(what: string, cause?: unknown): void {
    const received = this.parser.received;
    const progress = this.parser.progress();
    const bodyUnsent = this.writingTo !== undefined && this.writingTo === this.socket;
    this.drop();
    if (received === 0 && this.replayable && !this.closed) return this.transmit();
    const outcome = bodyUnsent
      ? " while the request body was still being sent"
      : received === 0 && this.method === "POST" ? "; the Runtime API may or may not have processed the request" : "";
    this.settle(undefined, new RuntimeApiConnectionError(this.method, this.path, `${what} ${progress}${outcome}`, received, cause));
  }

  private drop(): void {
    const socket = this.socket;
    if (socket === undefined) return;
    this.socket = undefined;
    this.socketReused = false;
    this.parser.reset();
    socket.destroy();
  }

  private settle(response: RuntimeApiResponse | undefined, error: Error | undefined): void {
    const { resolve, reject } = this;
    this.resolve = this.reject = undefined;
    this.head = "";
    this.body = undefined;
    if (error !== undefined) reject?.(error);
    else resolve?.(response as RuntimeApiResponse);
  }

  /** The stream cannot be ended properly (e.g. an invalid trailer): abort it rather than let it pass as complete. */
  private abortStream(socket: Socket, error: unknown): void {
    if (this.writingTo === socket) this.writingTo = undefined;
    if (socket !== this.socket) return;
    this.drop();
    this.settle(undefined, error instanceof Error ? error : new Error(String(error)));
  }
}

function coalesce(head: string, body: Uint8Array): Buffer {
  // The head is ASCII (request-head.ts refuses anything else), so one char is one byte.
  const bytes = Buffer.allocUnsafe(head.length + body.length);
  bytes.write(head, 0, "latin1");
  bytes.set(body, head.length);
  return bytes;
}
