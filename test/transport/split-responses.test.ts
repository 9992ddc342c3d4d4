import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { RuntimeApiConnection, RuntimeApiResponse } from "../../runtime/transport/connection.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { flush, RawServer } from "./raw-server.js";

/** Responses as the Runtime API sends them, cut by the test wherever it likes. */
const CHUNKED =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: req-1\r\n" +
  "Transfer-Encoding: chunked\r\n\r\n" +
  '7;ext="a"\r\n{"id":1\r\n1\r\n}\r\n0\r\nLambda-Runtime-Trace-Id: Root=1\r\n\r\n';
const LENGTH =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Deadline-Ms: 1700000000000\r\n" +
  'Content-Length: 8\r\n\r\n{"id":2}';

function assertChunked(response: RuntimeApiResponse, context: string): void {
  assert.equal(response.status, 200, context);
  assert.equal(Buffer.from(response.body).toString(), '{"id":1}', context);
  assert.equal(response.headers["lambda-runtime-aws-request-id"], "req-1", context);
  assert.equal(response.headers["lambda-runtime-trace-id"], "Root=1", context);
}

function assertLength(response: RuntimeApiResponse, context: string): void {
  assert.equal(Buffer.from(response.body).toString(), '{"id":2}', context);
  assert.equal(response.headers["lambda-runtime-deadline-ms"], "1700000000000", context);
}

describe("loopback connection: responses cut into pieces", () => {
  let server: RawServer;
  let connection: RuntimeApiConnection;
  /** The pieces of the next response, written with a flush after each. */
  let pieces: string[] = [];

  before(async () => {
    server = await RawServer.start(async ({ socket }) => {
      for (const piece of pieces) {
        socket.write(piece, "latin1");
        await flush();
      }
    });
    connection = connectLoopback(server.address);
  });
  after(async () => {
    connection.close();
    await server.close();
  });

  for (const [name, response, check] of [
    ["chunked", CHUNKED, assertChunked],
    ["Content-Length", LENGTH, assertLength],
  ] as const) {
    test(`parses a ${name} response cut in two at every byte boundary`, async () => {
      for (let cut = 1; cut < response.length; cut++) {
        pieces = [response.slice(0, cut), response.slice(cut)];
        check(await connection.request("GET", "/split"), `cut after byte ${cut}`);
      }
    });

    test(`parses a ${name} response that arrives one byte at a time`, async () => {
      pieces = [...response];
      check(await connection.request("GET", "/bytes"), "one byte per read");
    });
  }

  test("parses two responses that follow each other on one keep-alive connection", async () => {
    pieces = [CHUNKED];
    assertChunked(await connection.request("GET", "/first"), "first");
    pieces = [LENGTH];
    assertLength(await connection.request("GET", "/second"), "second");
    const [first, second] = server.requests.slice(-2);
    assert.equal(first?.connection, second?.connection);
  });
});
