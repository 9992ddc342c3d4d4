import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A `node:http` server on 127.0.0.1 that counts connections; `close()` also ends idle keep-alive sockets. */
export interface HttpTestServer {
  /** `host:port`, as in AWS_LAMBDA_RUNTIME_API. */
  address: string;
  connections: Socket[];
  close(): Promise<void>;
}

export async function startHttpServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<HttpTestServer> {
  const connections: Socket[] = [];
  const server = createServer(handle);
  server.on("connection", (socket: Socket) => connections.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of connections) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
