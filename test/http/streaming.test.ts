import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Writable } from "node:stream";
import { HTTP_INTEGRATION_CONTENT_TYPE, http, stream, StreamingNotSupportedError } from "../../http/index.js";
import { isStreamingResult, type StreamingResult } from "../../runtime/streaming.js";
import { albEvent, functionUrlEvent, httpApiEvent, lambdaContext, restEvent } from "./events.js";

async function collect(body: AsyncIterable<Uint8Array>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk).toString("utf8"));
  return chunks;
}

/** Splits a prelude into its JSON and the bytes after it. */
function splitPrelude(prelude: Uint8Array | undefined): { json: unknown; delimiter: number[] } {
  assert.ok(prelude);
  const bytes = Buffer.from(prelude);
  const end = bytes.indexOf(0);
  return { json: JSON.parse(bytes.subarray(0, end).toString("utf8")), delimiter: [...bytes.subarray(end)] };
}

const streamingApp = (body: ReadableStream<Uint8Array | string> | null, init: ResponseInit = {}) =>
  // A Response accepts any chunk type; the adapter must check what the app really enqueues.
  http(() => new Response(body as ReadableStream<Uint8Array> | null, init), { stream: true });

describe("http(app, { stream: true })", () => {
  it("answers a StreamingResult with the HTTP integration content type and a JSON prelude ended by 8 NUL bytes", async () => {
    const response = { status: 201, headers: [["content-type", "text/plain"], ["x-a", "1"], ["set-cookie", "a=1; Secure"], ["set-cookie", "b=2"]] as [string, string][] };
    const result = await streamingApp(null, response)(functionUrlEvent(), lambdaContext());
    assert.ok(isStreamingResult(result));
    assert.equal(result.contentType, HTTP_INTEGRATION_CONTENT_TYPE);
    assert.equal(HTTP_INTEGRATION_CONTENT_TYPE, "application/vnd.awslambda.http-integration-response");
    assert.deepEqual(splitPrelude(result.prelude), {
      json: { statusCode: 201, headers: { "content-type": "text/plain", "x-a": "1" }, cookies: ["a=1; Secure", "b=2"] },
      delimiter: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    assert.deepEqual(await collect(result.body), []);
  });

  it("streams the body chunk by chunk as the app produces it, strings as UTF-8", async () => {
    let pull = 0;
    const body = new ReadableStream<Uint8Array | string>({
      pull(controller) {
        pull++;
        if (pull === 1) controller.enqueue(new TextEncoder().encode("first "));
        else if (pull === 2) controller.enqueue("sécond ");
        else controller.close();
      },
    }, { highWaterMark: 0 });
    const result = (await streamingApp(body)(restEvent(), lambdaContext())) as StreamingResult;
    assert.equal(pull, 0, "nothing is read before the loop asks for it");
    assert.deepEqual(await collect(result.body), ["first ", "sécond "]);
  });

  it("throws the app's stream error from the body, after the chunks already produced", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulls === 1) controller.enqueue(new TextEncoder().encode("partial"));
        else throw new Error("database went away");
      },
    }, { highWaterMark: 0 });
    const result = (await streamingApp(body)(functionUrlEvent(), lambdaContext())) as StreamingResult;
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of result.body) seen.push(Buffer.from(chunk).toString());
    }, /database went away/);
    assert.deepEqual(seen, ["partial"]);
  });

  it("cancels the app's stream when the loop stops reading early", async () => {
    let cancelled: unknown = "not cancelled";
    const body = new ReadableStream<string>({
      pull: (controller) => controller.enqueue("tick"),
      cancel: (reason) => {
        cancelled = reason;
      },
    });
    const result = (await streamingApp(body)(functionUrlEvent(), lambdaContext())) as StreamingResult;
    for await (const chunk of result.body) {
      assert.equal(Buffer.from(chunk).toString(), "tick");
      break;
    }
    assert.equal(cancelled, undefined);
  });

  it("names a chunk that is neither bytes nor text", async () => {
    const body = new ReadableStream<any>({ start: (c) => (c.enqueue("ok"), c.enqueue(42), c.close()) });
    const result = (await streamingApp(body)(functionUrlEvent(), lambdaContext())) as StreamingResult;
    await assert.rejects(collect(result.body), /body chunk 1 is number; produce Uint8Array or string chunks/);
  });

  it("answers ALB and HTTP API events buffered, because those invoke without response streaming", async () => {
    const alb: any = await streamingApp(null, { status: 204 })(albEvent(), lambdaContext());
    assert.equal(isStreamingResult(alb), false);
    assert.equal(alb.statusDescription, "204 No Content");
    const httpApi: any = await streamingApp(null, { status: 204 })(httpApiEvent(), lambdaContext());
    assert.deepEqual(httpApi, { statusCode: 204, headers: {}, body: "", isBase64Encoded: false });
    const payload10 = { ...restEvent(), version: "1.0" };
    assert.equal(isStreamingResult(await streamingApp(null)(payload10, lambdaContext())), false);
  });

  it("streams REST API events, which support a STREAM response transfer mode", async () => {
    const result = await streamingApp(null, { status: 202 })(restEvent(), lambdaContext());
    assert.ok(isStreamingResult(result));
    assert.deepEqual(splitPrelude(result.prelude).json, { statusCode: 202, headers: {}, cookies: [] });
  });
});

describe("stream(handler)", () => {
  it("streams what an async generator yields, with the content type from the options", async () => {
    const handler = stream(
      async function* (event: { rows: number }) {
        for (let i = 1; i <= event.rows; i++) yield JSON.stringify({ i }) + "\n";
      },
      { contentType: "application/x-ndjson" },
    );
    const result = await handler({ rows: 3 }, lambdaContext());
    assert.ok(isStreamingResult(result));
    assert.equal(result.contentType, "application/x-ndjson");
    assert.equal(result.prelude, undefined);
    assert.deepEqual(await collect(result.body), ['{"i":1}\n', '{"i":2}\n', '{"i":3}\n']);
  });

  it("takes { contentType, body } to choose the type per invocation", async () => {
    const handler = stream(async () => ({ contentType: "text/csv", body: ["a,b\n", new TextEncoder().encode("1,2\n")] }));
    const result = await handler({}, lambdaContext());
    assert.equal(result.contentType, "text/csv");
    assert.deepEqual(await collect(result.body), ["a,b\n", "1,2\n"]);
  });

  it("sends a string, bytes or a ReadableStream as application/octet-stream by default", async () => {
    for (const body of ["whole", new TextEncoder().encode("whole"), new ReadableStream({ start: (c) => (c.enqueue("whole"), c.close()) })]) {
      const result = await stream(() => body)({}, lambdaContext());
      assert.equal(result.contentType, "application/octet-stream");
      assert.deepEqual(await collect(result.body), ["whole"]);
    }
  });

  it("lets an error thrown before the first chunk reject the handler, so the loop posts it as an error", async () => {
    const handler = stream(async () => {
      throw new TypeError("bad event");
    });
    await assert.rejects(handler({}, lambdaContext()), /bad event/);
  });
});

/**
 * A stand-in for the managed runtime's `awslambda` global with aws-lambda-ric's contract: a
 * streamified handler is marked and called as (event, responseStream, context), and
 * HttpResponseStream.from writes the JSON prelude and 8 NUL bytes before the first chunk.
 * aws-lambda-ric itself runs these handlers in test/interop (npm run test:interop).
 */
function withManagedRuntime<T>(run: (written: { contentType?: string; chunks: Buffer[]; ended: boolean }) => Promise<T>): Promise<T> {
  const written: { contentType?: string; chunks: Buffer[]; ended: boolean } = { chunks: [], ended: false };
  const global = globalThis as { awslambda?: unknown };
  global.awslambda = {
    streamifyResponse: (handler: object) => Object.assign(handler, { streamified: true }),
    HttpResponseStream: {
      from(out: ResponseStreamLike, prelude: object) {
        out.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
        let first = true;
        const write = out.write.bind(out);
        out.write = (chunk) => {
          if (first) (first = false), write(Buffer.concat([Buffer.from(JSON.stringify(prelude)), Buffer.alloc(8)]));
          return write(chunk);
        };
        return out;
      },
    },
  };
  return run(written).finally(() => delete global.awslambda);
}

type ResponseStreamLike = Writable & { setContentType(type: string): void };

function responseStream(written: { contentType?: string; chunks: Buffer[]; ended: boolean }): ResponseStreamLike {
  const out = new Writable({ highWaterMark: 4, write: (chunk: Buffer, _encoding, done) => (written.chunks.push(chunk), done()), final: (done) => ((written.ended = true), done()) });
  return Object.assign(out, { setContentType: (type: string) => void (written.contentType = type) });
}

describe("streaming on the managed Node.js runtime (awslambda.streamifyResponse)", () => {
  it("streams http(app, { stream: true }) through HttpResponseStream.from: prelude, then the body chunks", async () => {
    await withManagedRuntime(async (written) => {
      const handler = http(() => new Response(new ReadableStream<string>({ start: (c) => (c.enqueue("one;"), c.enqueue("two"), c.close()) }) as unknown as ReadableStream<Uint8Array>, { status: 202, headers: { "x-kind": "s" } }), { stream: true });
      assert.equal((handler as unknown as { streamified?: boolean }).streamified, true);
      await (handler as unknown as (e: unknown, s: unknown, c: unknown) => Promise<void>)(functionUrlEvent(), responseStream(written), lambdaContext());
      assert.equal(written.contentType, HTTP_INTEGRATION_CONTENT_TYPE);
      const bytes = Buffer.concat(written.chunks);
      const end = bytes.indexOf(0);
      assert.deepEqual(JSON.parse(bytes.subarray(0, end).toString()), { statusCode: 202, headers: { "x-kind": "s" }, cookies: [] });
      assert.equal(bytes.subarray(end + 8).toString(), "one;two");
      assert.equal(written.ended, true);
    });
  });

  it("writes a buffered result as JSON for a source that cannot stream (HTTP API)", async () => {
    await withManagedRuntime(async (written) => {
      const handler = http(() => new Response("plain", { status: 200 }), { stream: true }) as unknown as (e: unknown, s: unknown, c: unknown) => Promise<void>;
      await handler(httpApiEvent(), responseStream(written), lambdaContext());
      assert.equal(written.contentType, "application/json");
      assert.equal(JSON.parse(Buffer.concat(written.chunks).toString()).body, "plain");
    });
  });

  it("streams stream(handler) with its content type, and rejects with an error thrown part-way, leaving the stream open for the runtime's trailers", async () => {
    await withManagedRuntime(async (written) => {
      const handler = stream(async function* () {
        yield "row-1\n";
        throw new RangeError("source lost");
      }, { contentType: "application/x-ndjson" }) as unknown as (e: unknown, s: unknown, c: unknown) => Promise<void>;
      await assert.rejects(handler({}, responseStream(written), lambdaContext()), /source lost/);
      assert.equal(written.contentType, "application/x-ndjson");
      assert.equal(Buffer.concat(written.chunks).toString(), "row-1\n");
      assert.equal(written.ended, false);
    });
  });

  it("refuses at load time on a managed runtime without streamifyResponse", () => {
    const global = globalThis as { awslambda?: unknown };
    global.awslambda = {};
    try {
      assert.throws(() => http(() => new Response("x"), { stream: true }), StreamingNotSupportedError);
      assert.throws(() => stream(() => "x"), /stream\(handler\) needs response streaming/);
      assert.doesNotThrow(() => http(() => new Response("x")));
    } finally {
      delete global.awslambda;
    }
  });
});
