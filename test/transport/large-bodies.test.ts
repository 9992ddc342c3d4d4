import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { RuntimeApiConnection } from "../../runtime/transport/connection.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { readBody, startHttpServer, type HttpTestServer } from "./http-server.js";

/** Lambda's limit for a buffered invocation payload and response. */
const SIX_MB = 6 * 1024 * 1024;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("loopback connection: 6 MB bodies", () => {
  let server: HttpTestServer;
  let connection: RuntimeApiConnection;
  const event = randomBytes(SIX_MB);
  let received: { length: number; hash: string; contentLength: string | undefined } | undefined;

  before(async () => {
    server = await startHttpServer(async (req, res) => {
      const body = await readBody(req);
      received = { length: body.length, hash: sha256(body), contentLength: req.headers["content-length"] };
      if (req.method === "POST") {
        res.writeHead(202, { "Content-Length": 2 }).end("ok");
      } else if (req.url === "/chunked") {
        // No Content-Length: node:http frames the body as chunks of its own choosing.
        for (let at = 0; at < event.length; at += 100_000) res.write(event.subarray(at, at + 100_000));
        res.end();
      } else {
        res.writeHead(200, { "Content-Length": event.length }).end(event);
      }
    });
    connection = connectLoopback(server.address);
  });
  after(async () => {
    connection.close();
    await server.close();
  });

  test("receives a 6 MB Content-Length response body intact", async () => {
    const response = await connection.request("GET", "/length");
    assert.equal(response.body.length, SIX_MB);
    assert.equal(sha256(response.body), sha256(event));
  });

  test("receives a 6 MB chunked response body intact", async () => {
    const response = await connection.request("GET", "/chunked");
    assert.equal(response.headers["transfer-encoding"], "chunked");
    assert.equal(response.body.length, SIX_MB);
    assert.equal(sha256(response.body), sha256(event));
  });

  test("sends a 6 MB request body intact, as bytes and as a string", async () => {
    await connection.request("POST", "/length", undefined, event);
    assert.deepEqual(received, { length: SIX_MB, hash: sha256(event), contentLength: String(SIX_MB) });
    const text = "\u00e9".repeat(SIX_MB / 2); // two UTF-8 bytes per character
    await connection.request("POST", "/length", undefined, text);
    assert.deepEqual(received, { length: SIX_MB, hash: sha256(Buffer.from(text)), contentLength: String(SIX_MB) });
    assert.equal(server.connections.length, 1, "large bodies do not break keep-alive");
  });
});
