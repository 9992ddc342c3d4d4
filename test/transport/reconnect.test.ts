import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { after, afterEach, before, describe, test } from "node:test";
import type { RuntimeApiConnection } from "../../runtime/transport/connection.js";
import { RuntimeApiAddressError, RuntimeApiConnectionError } from "../../runtime/transport/errors.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { flush, RawServer, type Responder } from "./raw-server.js";

const NEXT = "/2018-06-01/runtime/invocation/next";
const RESPONSE = "/2018-06-01/runtime/invocation/req-1/response";
const OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
const answerOk: Responder = ({ socket }) => void socket.write(OK);

function assertConnectionError(pattern: RegExp, responseBytes: number) {
  return (error: unknown) => {
    assert.ok(error instanceof RuntimeApiConnectionError, String(error));
    assert.match(error.message, pattern);
    assert.equal(error.responseBytes, responseBytes);
    return true;
  };
}

describe("loopback connection: lost connections", () => {
  let server: RawServer;
  let connection: RuntimeApiConnection;

  before(async () => {
    server = await RawServer.start();
  });
  afterEach(() => connection.close());
  after(() => server.close());

  /** A new connection to a server that starts answering with `respond`. */
  function connectTo(respond: Responder): RuntimeApiConnection {
    server.requests.length = 0;
    server.sockets.length = 0;
    server.respond = respond;
    connection = connectLoopback(server.address);
    return connection;
  }

  test("opens a new connection for the request after a Connection: close response", async () => {
    const client = connectTo(({ socket }) => void socket.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));
    await client.request("GET", NEXT);
    const second = await client.request("GET", NEXT);
    assert.equal(Buffer.from(second.body).toString(), "ok");
    assert.deepEqual(server.requests.map((r) => r.connection), [0, 1]);
  });

  test("reconnects after the server closed an idle keep-alive connection", async () => {
    const client = connectTo(answerOk);
    await client.request("GET", NEXT);
    const idle = server.sockets[0];
    assert.ok(idle);
    idle.end();
    await once(idle, "close");
    const response = await client.request("POST", RESPONSE, undefined, "{}");
    assert.equal(response.status, 200);
    assert.deepEqual(server.requests.map((r) => r.connection), [0, 1]);
  });

  test("does not reuse a connection on which the server sent more than the response", async () => {
    const client = connectTo(({ socket }) => void socket.write(OK + OK));
    assert.equal(Buffer.from((await client.request("GET", NEXT)).body).toString(), "ok");
    server.respond = answerOk;
    await client.request("GET", NEXT);
    assert.deepEqual(server.requests.map((r) => r.connection), [0, 1]);
  });

  test("does not reuse a connection on which bytes arrived while no request was in flight", async () => {
    const client = connectTo(answerOk);
    await client.request("GET", NEXT);
    server.sockets[0]?.write(OK);
    await flush();
    await client.request("GET", NEXT);
    assert.deepEqual(server.requests.map((r) => r.connection), [0, 1]);
  });

  test("rejects with the method, path and progress when the connection is reset mid-response", async () => {
    const partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":";
    const client = connectTo(async ({ socket }) => {
      socket.write(partial);
      await flush();
      socket.resetAndDestroy();
    });
    const pattern = new RegExp(`^GET ${NEXT}: the connection to the Runtime API at ${server.address} (failed \\(ECONNRESET\\)|closed) after ${partial.length} response bytes \\(in the response body\\)$`);
    await assert.rejects(client.request("GET", NEXT), assertConnectionError(pattern, partial.length));
    server.respond = answerOk;
    assert.equal((await client.request("GET", NEXT)).status, 200, "the next request gets a new connection");
  });

  test("rejects when the server closes the connection in the middle of the body", async () => {
    const partial = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345";
    const client = connectTo(({ socket }) => void socket.end(partial));
    const pattern = new RegExp(`^POST ${RESPONSE}: the Runtime API at ${server.address} closed the connection after ${partial.length} response bytes \\(in the response body\\)$`);
    await assert.rejects(client.request("POST", RESPONSE, undefined, "{}"), assertConnectionError(pattern, partial.length));
  });

  test("sends a GET again on a new connection when its reused connection dies before answering", async () => {
    let answered = 0;
    const client = connectTo(({ socket }) => {
      if (answered++ === 1) socket.destroy(); // the second request loses the race with an idle close
      else socket.write(OK);
    });
    await client.request("GET", NEXT);
    const response = await client.request("GET", NEXT);
    assert.equal(Buffer.from(response.body).toString(), "ok");
    assert.deepEqual(server.requests.map((r) => r.connection), [0, 0, 1]);
    assert.equal(server.requests[2]?.text, server.requests[1]?.text);
  });

  test("does not resend a POST whose reused connection dies before answering, and says it may have been processed", async () => {
    let answered = 0;
    const client = connectTo(({ socket }) => {
      if (answered++ === 1) socket.destroy();
      else socket.write(OK);
    });
    await client.request("GET", NEXT);
    const pattern = /^POST \/2018-06-01\/runtime\/invocation\/req-1\/response: .* before any response byte arrived; the Runtime API may or may not have processed the request$/;
    await assert.rejects(client.request("POST", RESPONSE, undefined, "{}"), assertConnectionError(pattern, 0));
    assert.equal(server.requests.length, 2);
  });

  test("names the address and AWS_LAMBDA_RUNTIME_API when nothing listens there", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = `127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((resolve) => probe.close(resolve));
    connection = connectLoopback(address);
    const pattern = new RegExp(`^GET ${NEXT}: cannot connect to the Runtime API at ${address} \\(ECONNREFUSED\\); check AWS_LAMBDA_RUNTIME_API$`);
    await assert.rejects(connection.request("GET", NEXT), assertConnectionError(pattern, 0));
  });

  test("close() rejects a long-poll in flight and every later request", async () => {
    const client = connectTo(() => {}); // /next never answers
    const poll = client.request("GET", NEXT);
    while (server.requests.length === 0) await flush();
    client.close();
    await assert.rejects(poll, assertConnectionError(new RegExp(`^GET ${NEXT}: the connection was closed by close\\(\\) before any response byte arrived$`), 0));
    await assert.rejects(client.request("GET", NEXT), assertConnectionError(/closed by close\(\)/, 0));
  });

  test("refuses an address that is not host:port", () => {
    for (const address of ["127.0.0.1", "127.0.0.1:0", "127.0.0.1:http", ":9001", "bad host:9001"]) {
      assert.throws(() => connectLoopback(address), RuntimeApiAddressError, address);
    }
    connection = connectLoopback("[::1]:9001"); // an IPv6 literal is fine (nothing is sent until a request)
  });
});
