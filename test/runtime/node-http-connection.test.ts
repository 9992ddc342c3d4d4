import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { connectNodeHttp } from "../../runtime/transport/node-http-connection.js";

describe("the node:http connection", () => {
  let server: Server;
  let address: string;
  let connections = 0;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === "/hold") return; // a long-poll that never answers
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const echo = { method: req.method, url: req.url, connection: req.headers.connection, body: Buffer.concat(chunks).toString(), trailers: req.trailers };
        res.end(req.url === "/echo" ? JSON.stringify(echo) : `${req.method} ${req.url}`);
      });
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends every request over one keep-alive socket", async () => {
    const connection = connectNodeHttp(address);
    const before = connections;
    for (let i = 0; i < 5; i++) {
      const response = await connection.request(i % 2 ? "POST" : "GET", `/r${i}`, {}, i % 2 ? "body" : undefined);
      assert.equal(response.status, 200);
      assert.equal(Buffer.from(response.body).toString(), `${i % 2 ? "POST" : "GET"} /r${i}`);
    }
    assert.equal(connections - before, 1);
    connection.close();
  });

  it("opens a new socket when the server closed the idle one", async () => {
    const connection = connectNodeHttp(address);
    await connection.request("GET", "/first");
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await connection.request("GET", "/second");
    assert.equal(Buffer.from(response.body).toString(), "GET /second");
    connection.close();
  });

  it("streams a body on its own socket closed afterwards, ending with trailers when the body throws", async () => {
    const connection = connectNodeHttp(address);
    const body = (async function* () {
      yield Buffer.from("one,");
      yield Buffer.from("two");
      throw new Error("source failed");
    })();
    const headers = { "Transfer-Encoding": "chunked", Trailer: "X-Error" };
    const response = await connection.stream("/echo", headers, body, (error) => ({ "X-Error": (error as Error).message }));
    const echo = JSON.parse(Buffer.from(response.body).toString());
    assert.deepEqual(echo, { method: "POST", url: "/echo", connection: "close", body: "one,two", trailers: { "x-error": "source failed" } });
    connection.close();
  });

  it("ends a pending long-poll when closed, and refuses requests afterwards", async () => {
    const connection = connectNodeHttp(address);
    await connection.request("GET", "/warm");
    const polling = connection.request("GET", "/hold");
    await new Promise((resolve) => setTimeout(resolve, 20));
    connection.close();
    await assert.rejects(polling, { name: "ConnectionClosedError" });
    await assert.rejects(connection.request("GET", "/late"), { name: "ConnectionClosedError" });
  });
});
