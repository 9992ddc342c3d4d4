import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { RuntimeApiConnection } from "../../runtime/transport/connection.js";
import { InvalidHeaderError, RuntimeApiConnectionError } from "../../runtime/transport/errors.js";
import { connectLoopback } from "../../runtime/transport/loopback-connection.js";
import { readBody, startHttpServer, type HttpTestServer } from "./http-server.js";
import { RawServer } from "./raw-server.js";

const RESPONSE = "/2018-06-01/runtime/invocation/req-9/response";
const STREAMING = { "Content-Type": "text/plain", "Lambda-Runtime-Function-Response-Mode": "streaming" };
const ERROR_TRAILERS = {
  "Lambda-Runtime-Function-Error-Type": "Runtime.StreamError",
  "Lambda-Runtime-Function-Error-Body": Buffer.from('{"errorMessage":"boom"}').toString("base64"),
};
const noTrailers = (error: unknown): Record<string, string> => assert.fail(`trailersFor must not be called when the body ends normally (got ${String(error)})`);

/** Polls `condition` until it holds; fails after 2 s so that a broken client cannot hang the test. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 2))) {
    if (Date.now() - started > 2000) throw new Error(`timed out waiting until ${what}`);
  }
}

interface Received {
  headers: IncomingHttpHeaders;
  body?: Buffer;
  trailers?: Record<string, string | undefined>;
  /** Set when the request stream closed: whether the whole chunked body had arrived. */
  complete?: boolean;
}

describe("loopback connection: streamed request bodies (node:http server)", () => {
  let server: HttpTestServer;
  let connection: RuntimeApiConnection;
  /** The last request the server received. */
  let received: Received | undefined;
  /** Body pieces as the server's request stream emitted them. */
  let arrived: string[] = [];

  before(async () => {
    server = await startHttpServer((req, res) => {
      const pieces: string[] = [];
      const request: Received = { headers: req.headers };
      [arrived, received] = [pieces, request];
      req.on("data", (piece: Buffer) => pieces.push(piece.toString()));
      req.on("close", () => (request.complete = req.complete));
      void readBody(req).then((body) => {
        request.body = body;
        request.trailers = { ...req.trailers };
        res.writeHead(202, { "Content-Type": "application/json" }).end('{"status":"OK"}');
      }, () => {});
    });
  });
  beforeEach(() => {
    [arrived, received] = [[], undefined];
  });
  afterEach(() => connection.close());
  after(() => server.close());

  test("delivers each chunk to the server as soon as it is produced", async () => {
    connection = connectLoopback(server.address);
    async function* produce() {
      yield Buffer.from("first");
      await waitUntil(() => arrived.join("") === "first", "the first chunk reached the server");
      yield Buffer.from("second");
    }
    const response = await connection.stream(RESPONSE, STREAMING, produce(), noTrailers);
    assert.equal(response.status, 202);
    assert.equal(received?.body?.toString(), "firstsecond");
    assert.equal(received?.headers["transfer-encoding"], "chunked");
    assert.equal(received?.headers["lambda-runtime-function-response-mode"], "streaming");
    assert.deepEqual(received?.trailers, {});
  });

  test("ends the body with the trailers of trailersFor(error) when the producer throws", async () => {
    connection = connectLoopback(server.address);
    const failure = new Error("boom");
    let reported: unknown;
    async function* produce() {
      yield Buffer.from("partial");
      throw failure;
    }
    const headers = { ...STREAMING, Trailer: "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body" };
    const response = await connection.stream(RESPONSE, headers, produce(), (error) => {
      reported = error;
      return ERROR_TRAILERS;
    });
    assert.equal(response.status, 202);
    assert.equal(reported, failure);
    assert.equal(received?.body?.toString(), "partial");
    assert.deepEqual(received?.trailers, {
      "lambda-runtime-function-error-type": "Runtime.StreamError",
      "lambda-runtime-function-error-body": ERROR_TRAILERS["Lambda-Runtime-Function-Error-Body"],
    });
  });

  test("streams 6 MB in 64 KiB chunks intact and keeps the connection for the next request", async () => {
    connection = connectLoopback(server.address);
    const chunks = Array.from({ length: 96 }, (_, i) => Buffer.alloc(64 * 1024, i));
    async function* produce() {
      yield* chunks;
    }
    const connectionsBefore = server.connections.length;
    await connection.stream(RESPONSE, STREAMING, produce(), noTrailers);
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    assert.equal(received?.body?.length, 6 * 1024 * 1024);
    assert.equal(sha(received?.body ?? Buffer.alloc(0)), sha(Buffer.concat(chunks)));
    await connection.request("POST", RESPONSE, undefined, "{}");
    assert.equal(server.connections.length, connectionsBefore + 1, "one connection carried both requests");
  });

  test("aborts the request instead of ending it cleanly when a trailer value holds CR/LF", async () => {
    connection = connectLoopback(server.address);
    async function* produce() {
      yield Buffer.from("partial");
      await waitUntil(() => arrived.length > 0, "the first chunk reached the server");
      throw new Error("boom");
    }
    const stream = connection.stream(RESPONSE, STREAMING, produce(), () => ({ "Lambda-Runtime-Function-Error-Type": "A\r\nInjected: 1" }));
    await assert.rejects(stream, (error: unknown) => {
      assert.ok(error instanceof InvalidHeaderError);
      assert.match(error.message, /^Lambda-Runtime-Function-Error-Type: the trailer value contains CR, LF/);
      return true;
    });
    await waitUntil(() => received?.complete !== undefined, "the server saw the request end");
    assert.equal(received?.complete, false, "the server must not take the truncated body as complete");
  });

  test("stops the producer when the connection dies in the middle of the stream", async () => {
    connection = connectLoopback(server.address);
    let lost: unknown;
    let stopped = false;
    async function* produce() {
      try {
        yield Buffer.from("one");
        await waitUntil(() => arrived.length > 0, "the first chunk reached the server");
        for (const socket of server.connections) socket.destroy();
        await waitUntil(() => lost !== undefined, "the client noticed the lost connection");
        yield Buffer.from("two");
        assert.fail("the producer must not be asked for more after the connection died");
      } finally {
        stopped = true;
      }
    }
    await connection.stream(RESPONSE, STREAMING, produce(), noTrailers).catch((error: unknown) => (lost = error));
    assert.ok(lost instanceof RuntimeApiConnectionError, String(lost));
    assert.match(lost.message, new RegExp(`^POST ${RESPONSE}: .* before any response byte arrived while the request body was still being sent$`));
    await waitUntil(() => stopped, "the producer was stopped");
  });
});

describe("loopback connection: streamed request bytes (raw server)", () => {
  let server: RawServer;
  let connection: RuntimeApiConnection;

  before(async () => {
    server = await RawServer.start(({ socket }) => void socket.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"));
    connection = connectLoopback(server.address);
  });
  after(async () => {
    connection.close();
    await server.close();
  });

  const head = () =>
    `POST ${RESPONSE} HTTP/1.1\r\nHost: ${server.address}\r\nContent-Type: text/plain\r\n` +
    "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n\r\n";

  test("frames each non-empty chunk with its hex size and ends with a zero-size chunk", async () => {
    async function* produce() {
      yield Buffer.from("hello");
      yield new Uint8Array(0);
      yield Buffer.alloc(300, "x");
    }
    await connection.stream(RESPONSE, STREAMING, produce(), noTrailers);
    assert.equal(server.requests.at(-1)?.text, `${head()}5\r\nhello\r\n12c\r\n${"x".repeat(300)}\r\n0\r\n\r\n`);
  });

  test("writes Transfer-Encoding once when the caller gives it too", async () => {
    async function* produce() {
      yield Buffer.from("hello");
    }
    await connection.stream(RESPONSE, { ...STREAMING, "Transfer-Encoding": "chunked" }, produce(), noTrailers);
    assert.equal(server.requests.at(-1)?.text, `${head()}5\r\nhello\r\n0\r\n\r\n`);
  });

  test("writes the trailers, names as given, after the zero-size chunk when the producer throws", async () => {
    async function* produce() {
      yield Buffer.from("partial");
      throw new Error("boom");
    }
    await connection.stream(RESPONSE, STREAMING, produce(), () => ERROR_TRAILERS);
    const trailers = Object.entries(ERROR_TRAILERS).map(([name, value]) => `${name}: ${value}\r\n`).join("");
    assert.equal(server.requests.at(-1)?.text, `${head()}7\r\npartial\r\n0\r\n${trailers}\r\n`);
  });
});
