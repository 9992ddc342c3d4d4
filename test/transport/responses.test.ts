import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { RuntimeApiConnection } from "../../runtime/transport/connection.js";
import { RuntimeApiProtocolError } from "../../runtime/transport/errors.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { RawServer } from "./raw-server.js";

const NEXT = "/2018-06-01/runtime/invocation/next";

describe("loopback connection: parsing responses", () => {
  let server: RawServer;
  let connection: RuntimeApiConnection | undefined;
  let reply = "";

  before(async () => {
    server = await RawServer.start(({ socket }) => void socket.write(reply, "latin1"));
  });
  after(async () => {
    connection?.close();
    await server.close();
  });

  /** A new connection; the previous one is closed. */
  function fresh(): RuntimeApiConnection {
    connection?.close();
    connection = connectLoopback(server.address);
    return connection;
  }

  /** Sends `GET /next` on a fresh connection and answers it with `bytes`. */
  function answer(bytes: string) {
    reply = bytes;
    return fresh().request("GET", NEXT);
  }

  test("returns a Content-Length body and the headers with lower-cased names", async () => {
    const event = '{"orderId":"o-1"}';
    const response = await answer(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: 8476a536-e9f4\r\n" +
        `Lambda-Runtime-Deadline-Ms: 1542409706888\r\nContent-Length: ${event.length}\r\n\r\n${event}`,
    );
    assert.equal(response.status, 200);
    assert.deepEqual({ ...response.headers }, {
      "content-type": "application/json",
      "lambda-runtime-aws-request-id": "8476a536-e9f4",
      "lambda-runtime-deadline-ms": "1542409706888",
      "content-length": String(event.length),
    });
    assert.equal(Buffer.from(response.body).toString(), event);
  });

  test("decodes a chunked body, ignoring chunk extensions and merging trailers into the headers", async () => {
    const response = await answer(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: Lambda-Runtime-Trace-Id\r\n\r\n" +
        "5;name=value\r\nhello\r\n1 ; quoted=\"a;b\"\r\n,\r\nB\r\n plain text\r\n0;last\r\nLambda-Runtime-Trace-Id: Root=1-abc\r\nX-Extra:  spaced \r\n\r\n",
    );
    assert.equal(Buffer.from(response.body).toString(), "hello, plain text");
    assert.equal(response.headers["lambda-runtime-trace-id"], "Root=1-abc");
    assert.equal(response.headers["x-extra"], "spaced");
    assert.equal(response.headers["transfer-encoding"], "chunked");
  });

  test("lower-cases mixed-case names and joins repeated headers with a comma", async () => {
    const response = await answer(
      "HTTP/1.1 202 Accepted\r\nX-MiXeD-CaSe: One\r\nx-mixed-case: Two\r\nVary: a\r\nVARY: b\r\nContent-Length: 0\r\n\r\n",
    );
    assert.equal(response.status, 202);
    assert.deepEqual({ ...response.headers }, { "x-mixed-case": "One, Two", vary: "a, b", "content-length": "0" });
    assert.equal(response.body.length, 0);
  });

  test("returns a response that has no Content-Type without inventing one", async () => {
    const response = await answer("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nraw");
    assert.equal(response.headers["content-type"], undefined);
    assert.equal(Buffer.from(response.body).toString(), "raw");
  });

  test("returns no body for 204 and 304, whatever Content-Length says, and keeps the connection usable", async () => {
    const keepAlive = fresh();
    reply = "HTTP/1.1 204 No Content\r\nX-Id: a\r\n\r\n";
    const noContent = await keepAlive.request("GET", NEXT);
    reply = "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n";
    const notModified = await keepAlive.request("GET", NEXT);
    reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    const next = await keepAlive.request("GET", NEXT);
    assert.deepEqual([noContent.status, noContent.body.length, notModified.status, notModified.body.length], [204, 0, 304, 0]);
    assert.equal(Buffer.from(next.body).toString(), "ok");
    const used = server.requests.slice(-3).map((r) => r.connection);
    assert.equal(new Set(used).size, 1, "all three responses came on one keep-alive connection");
  });

  test("leaves a returned body intact while later responses arrive on the connection", async () => {
    const keepAlive = fresh();
    const bodies: Uint8Array[] = [];
    for (const text of ["first event", "second event", "third event"]) {
      reply = `HTTP/1.1 200 OK\r\nContent-Length: ${text.length}\r\n\r\n${text}`;
      bodies.push((await keepAlive.request("GET", NEXT)).body);
    }
    assert.deepEqual(bodies.map((body) => Buffer.from(body).toString()), ["first event", "second event", "third event"]);
  });

  test("reads a body without Content-Length until the server closes the connection", async () => {
    const oneShot = fresh();
    server.respond = ({ socket }) => void socket.end("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
    try {
      const response = await oneShot.request("GET", NEXT);
      assert.equal(Buffer.from(response.body).toString(), "until the end");
    } finally {
      server.respond = ({ socket }) => void socket.write(reply, "latin1");
    }
  });

  test("skips an interim 100 Continue and returns the final response", async () => {
    const response = await answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone");
    assert.equal(response.status, 200);
    assert.equal(Buffer.from(response.body).toString(), "done");
  });

  for (const [what, bytes, problem] of [
    ["a status line that is not HTTP/1.x", "HTTP/2 200\r\n\r\n", /bad status line "HTTP\/2 200"/],
    ["a chunk size that is not hexadecimal", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", /bad chunk size line "zz\\r"/],
    ["chunk data longer than its size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", /chunk data is not followed by CRLF/],
    ["conflicting Content-Length headers", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab", /invalid Content-Length "2, 3"/],
    ["a header line without a colon", "HTTP/1.1 200 OK\r\nBroken header\r\n\r\n", /header line without a colon: "Broken header"/],
    ["a bare LF inside the head", "HTTP/1.1 200 OK\r\nA: 1\nB: 2\r\n\r\n", /bare CR or LF/],
  ] as const) {
    test(`rejects ${what} with a RuntimeApiProtocolError naming the request`, async () => {
      await assert.rejects(answer(bytes), (error: unknown) => {
        assert.ok(error instanceof RuntimeApiProtocolError);
        assert.match(error.message, new RegExp(`^GET ${NEXT}: invalid HTTP response from the Runtime API: `));
        assert.match(error.message, problem);
        return true;
      });
    });
  }
});
