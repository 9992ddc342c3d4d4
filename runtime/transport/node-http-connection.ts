import { Agent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import type { ConnectionFactory, RuntimeApiConnection, RuntimeApiResponse } from "./connection.js";

/**
 * A `RuntimeApiConnection` on `node:http`: one keep-alive socket per connection (`maxSockets: 1`),
 * no timeouts (the `/next` long-poll may wait for minutes while the sandbox is frozen).
 */
export const connectNodeHttp: ConnectionFactory = (address) => new NodeHttpConnection(address);

class NodeHttpConnection implements RuntimeApiConnection {
  private readonly host: string;
  private readonly port: number;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /** Requests not yet answered: `close()` must end them too, even one still queued in the agent. */
  private readonly pending = new Set<ClientRequest>();
  private closed = false;

  constructor(address: string) {
    const colon = address.lastIndexOf(":");
    this.host = colon > 0 ? address.slice(0, colon) : address;
    this.port = colon > 0 ? Number(address.slice(colon + 1)) : 80;
  }

  async request(method: "GET" | "POST", path: string, headers: Record<string, string> = {}, body?: Uint8Array | string): Promise<RuntimeApiResponse> {
    try {
      return await this.send(method, path, headers, body);
    } catch (error) {
      // The peer may close an idle keep-alive socket just as we reuse it (the node:http docs
      // suggest one fresh try). Only for GET: a POST may have reached the server, and posting a
      // response twice would be refused anyway.
      if (!(error instanceof ReusedSocketError) || method !== "GET") throw error;
      return this.send(method, path, headers, body);
    }
  }

  private send(method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<RuntimeApiResponse> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ConnectionClosedError());
      // No Content-Length here: `end(body)` before the head is sent lets node:http set it.
      const req = this.track(httpRequest({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => readResponse(res).then(resolve, reject)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        reject(req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE") ? new ReusedSocketError(error) : error);
      });
      req.end(body);
    });
  }

  /**
   * The docs ask a streaming runtime to "close the underlying connection after it has successfully
   * written the response", so a streamed response gets its own socket (`agent: false` sends
   * `Connection: close`) and the keep-alive socket stays free for `/next`.
   */
  stream(path: string, headers: Record<string, string>, body: AsyncIterable<Uint8Array>, trailersFor: (error: unknown) => Record<string, string>): Promise<RuntimeApiResponse> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ConnectionClosedError());
      const req = this.track(httpRequest({ host: this.host, port: this.port, method: "POST", path, headers, agent: false }, (res) => readResponse(res).then(resolve, reject)));
      req.on("error", reject);
      pump(req, body).then(
        () => req.end(),
        (error: unknown) => {
          if (req.destroyed) return;
          req.addTrailers(trailersFor(error));
          req.end();
        },
      );
    });
  }

  close(): void {
    this.closed = true;
    for (const req of this.pending) req.destroy(new ConnectionClosedError());
    this.agent.destroy();
  }

  private track(req: ClientRequest): ClientRequest {
    this.pending.add(req);
    req.on("close", () => this.pending.delete(req));
    return req;
  }
}

async function pump(req: ClientRequest, body: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of body) {
    if (req.destroyed) return;
    // "close" too: a destroyed request never drains.
    if (!req.write(chunk)) await new Promise<void>((resolve) => req.once("drain", resolve).once("close", resolve));
  }
}

function readResponse(res: IncomingMessage): Promise<RuntimeApiResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("error", reject);
    res.on("end", () => {
      // Lower-cased already; only set-cookie would be an array, and the Runtime API sends none.
      const headers = res.headers as Record<string, string>;
      resolve({ status: res.statusCode ?? 0, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
    });
  });
}

class ConnectionClosedError extends Error {
  override readonly name = "ConnectionClosedError";
  constructor() {
    super("the connection to the Runtime API was closed by kata (the loop is stopping)");
  }
}

class ReusedSocketError extends Error {
  override readonly name = "ReusedSocketError";
  constructor(cause: Error) {
    super(`the Runtime API closed a reused keep-alive socket: ${cause.message}`, { cause });
  }
}
