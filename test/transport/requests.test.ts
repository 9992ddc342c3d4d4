import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { RuntimeApiConnection } from "../../runtime/transport/connection.js";
import { ConnectionInUseError, InvalidHeaderError } from "../../runtime/transport/errors.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { RawServer } from "./raw-server.js";

const OK = "HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n";

describe("loopback connection: request bytes", () => {
  let server: RawServer;
  let connection: RuntimeApiConnection;
  let host = "";

  before(async () => {
    server = await RawServer.start(({ socket }) => void socket.write(OK));
    connection = connectLoopback(server.address);
    host = server.address;
  });
  after(async () => {
    connection.close();
    await server.close();
  });

  /** The exact text of the last request the server received. */
  const lastRequest = () => server.requests.at(-1)?.text;

  test("sends a bodyless GET with only the request line and Host", async () => {
    await connection.request("GET", "/2018-06-01/runtime/invocation/next");
    assert.equal(lastRequest(), `GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
  });

  test("sends a string body with its UTF-8 byte length and the header names as given", async () => {
    const body = '{"errorMessage":"caf\u00e9"}';
    await connection.request("POST", "/2018-06-01/runtime/invocation/req-1/error", {
      "Lambda-Runtime-Function-Error-Type": "Runtime.UserError",
      "content-type": "application/json",
    }, body);
    assert.equal(
      lastRequest(),
      `POST /2018-06-01/runtime/invocation/req-1/error HTTP/1.1\r\nHost: ${host}\r\n` +
        "Lambda-Runtime-Function-Error-Type: Runtime.UserError\r\ncontent-type: application/json\r\n" +
        `Content-Length: 24\r\n\r\n${Buffer.from(body).toString("latin1")}`,
    );
  });

  for (const size of [3, 100_000]) {
    test(`sends a ${size}-byte Uint8Array body byte for byte`, async () => {
      const body = new Uint8Array(size).map((_, i) => (i * 7) & 0xff);
      await connection.request("POST", "/2018-06-01/runtime/invocation/req-2/response", undefined, body);
      const head = `POST /2018-06-01/runtime/invocation/req-2/response HTTP/1.1\r\nHost: ${host}\r\nContent-Length: ${size}\r\n\r\n`;
      assert.equal(lastRequest(), head + Buffer.from(body).toString("latin1"));
    });
  }

  test("writes a Content-Length given by the caller only once when it matches the body", async () => {
    await connection.request("POST", "/2018-06-01/runtime/init/error", { "content-length": "2" }, "{}");
    assert.equal(lastRequest(), `POST /2018-06-01/runtime/init/error HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\n\r\n{}`);
  });

  test("sends Content-Length: 0 for a POST without a body", async () => {
    await connection.request("POST", "/2018-06-01/runtime/invocation/req-3/response");
    assert.equal(lastRequest(), `POST /2018-06-01/runtime/invocation/req-3/response HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\n\r\n`);
  });

  test("sends every request of a sequence on the same keep-alive connection", async () => {
    const before = server.requests.length;
    for (let i = 0; i < 3; i++) await connection.request("GET", "/2018-06-01/runtime/invocation/next");
    const used = new Set(server.requests.slice(before).map((r) => r.connection));
    assert.equal(used.size, 1);
    assert.equal(server.sockets.length, 1);
  });

  for (const [what, headers, path, problem] of [
    ["a CR/LF in a header value", { "Lambda-Runtime-Function-Error-Type": "X\r\nInjected: yes" }, "/ok", /^Lambda-Runtime-Function-Error-Type: the header value contains CR, LF/],
    ["a bare LF in a header value", { "X-Note": "a\nb" }, "/ok", /^X-Note: the header value contains CR, LF/],
    ["a header name with a space", { "Bad Name": "v" }, "/ok", /^"Bad Name": is not a valid HTTP header name/],
    ["a Content-Length that does not match the body", { "Content-Length": "1" }, "/ok", /^Content-Length: must be "4" for this body/],
    ["a Host header", { host: "elsewhere" }, "/ok", /^host: is written by the connection itself; leave it out of the headers$/],
    ["a Transfer-Encoding on a Content-Length body", { "Transfer-Encoding": "chunked" }, "/ok", /^Transfer-Encoding: is written by the connection itself/],
    ["a path holding CR/LF", {}, "/x HTTP/1.1\r\nHost: evil\r\n\r\nGET /y", /^path: .* must start with "\/"/],
  ] as const) {
    test(`refuses ${what} with an InvalidHeaderError and sends nothing`, async () => {
      const before = server.requests.length;
      await assert.rejects(connection.request("POST", path, headers, "body"), (error: unknown) => {
        assert.ok(error instanceof InvalidHeaderError);
        assert.match(error.message, problem);
        return true;
      });
      await connection.request("GET", "/after");
      assert.equal(server.requests.length, before + 1, "only the following request reached the server");
      assert.equal(lastRequest(), `GET /after HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    });
  }

  test("refuses a second request while the first is in flight, and completes the first", async () => {
    const first = connection.request("GET", "/2018-06-01/runtime/invocation/next");
    await assert.rejects(connection.request("POST", "/2018-06-01/runtime/invocation/r/response", undefined, "{}"), (error: unknown) => {
      assert.ok(error instanceof ConnectionInUseError);
      assert.match(error.message, /^cannot send POST \/2018-06-01\/runtime\/invocation\/r\/response: .* still waiting for GET \/2018-06-01\/runtime\/invocation\/next/);
      return true;
    });
    assert.equal((await first).status, 202);
  });
});
