import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Hono } from "hono";
import { stream as honoStream } from "hono/streaming";
import { http, stream } from "../../http/index.js";
import { start } from "../../runtime/index.js";
import { startMockRuntimeApi, type MockRuntimeApi } from "../support/mock-runtime-api.js";
import { albEvent, functionUrlEvent } from "./events.js";

const NUL8 = Buffer.alloc(8);

/** The posted body split at the delimiter: the prelude JSON and the streamed bytes after it. */
function splitStreamed(body: Buffer): { prelude: unknown; rest: string } {
  const end = body.indexOf(NUL8);
  assert.ok(end > 0, `no 8-NUL delimiter in ${JSON.stringify(body.toString("latin1"))}`);
  return { prelude: JSON.parse(body.subarray(0, end).toString("utf8")), rest: body.subarray(end + 8).toString("utf8") };
}

const app = new Hono();
app.get("/ticks", (c) => {
  c.header("content-type", "text/event-stream");
  c.header("set-cookie", "stream=1; Secure");
  return honoStream(c, async (s) => {
    for (const n of [1, 2, 3]) {
      await s.write(`data: ${n}\n\n`);
      await s.sleep(5);
    }
  });
});
app.get("/broken", () => {
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (++pulls === 1) controller.enqueue(new TextEncoder().encode("partial"));
        else throw new RangeError("row 2 is missing");
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: { "content-type": "text/plain" } });
});
app.get("/plain", (c) => c.json({ buffered: true }));

describe("streamed responses under kata's loop (mock Runtime API)", () => {
  const logs: string[] = [];
  let api: MockRuntimeApi;
  const stops: AbortController[] = [];
  const loops: Promise<void>[] = [];

  function run(handler: unknown, runtimeApi: string): void {
    const stop = new AbortController();
    stops.push(stop);
    loops.push(start(handler, { runtimeApi, signal: stop.signal, writeLog: (line) => logs.push(line) }));
  }

  before(async () => {
    api = await startMockRuntimeApi();
    run(http(app, { stream: true }), api.address);
  });

  after(async () => {
    for (const stop of stops) stop.abort();
    // Closed before awaiting the loops: a loop ends once its pending /next long-poll is dropped.
    await api.close();
    await Promise.all(loops);
  });

  it("posts a Function URL response in streaming mode: chunked, HTTP integration prelude, then the body", async () => {
    const outcome = await api.enqueue({ body: functionUrlEvent({ rawPath: "/ticks" }) });
    assert.equal(outcome.kind, "response");
    assert.equal(outcome.headers["lambda-runtime-function-response-mode"], "streaming");
    assert.equal(outcome.headers["transfer-encoding"], "chunked");
    assert.equal(outcome.headers["content-type"], "application/vnd.awslambda.http-integration-response");
    assert.equal(outcome.headers["content-length"], undefined);
    const { prelude, rest } = splitStreamed(outcome.body);
    assert.deepEqual(prelude, {
      statusCode: 200,
      headers: { "content-type": "text/event-stream" },
      cookies: ["stream=1; Secure"],
    });
    assert.equal(rest, "data: 1\n\ndata: 2\n\ndata: 3\n\n");
    assert.deepEqual(outcome.trailers, {});
  });

  it("reports an error part-way through in HTTP trailers, after the bytes already sent", async () => {
    const outcome = await api.enqueue({ body: functionUrlEvent({ rawPath: "/broken" }) });
    assert.equal(outcome.kind, "response");
    const { prelude, rest } = splitStreamed(outcome.body);
    assert.deepEqual(prelude, { statusCode: 200, headers: { "content-type": "text/plain" }, cookies: [] });
    assert.equal(rest, "partial", "the error is not written into the body");
    assert.equal(outcome.trailers["lambda-runtime-function-error-type"], "Function.RangeError");
    const error = JSON.parse(Buffer.from(outcome.trailers["lambda-runtime-function-error-body"]!, "base64").toString("utf8"));
    assert.equal(error.errorType, "RangeError");
    assert.equal(error.errorMessage, "row 2 is missing");
  });

  it("posts an ALB response buffered, as JSON, because an ALB cannot take a stream", async () => {
    const outcome = await api.enqueue({ body: albEvent({ path: "/plain" }) });
    assert.equal(outcome.headers["lambda-runtime-function-response-mode"], undefined);
    assert.deepEqual(JSON.parse(outcome.body.toString("utf8")), {
      statusCode: 200,
      statusDescription: "200 OK",
      headers: { "content-type": "application/json" },
      body: '{"buffered":true}',
      isBase64Encoded: false,
    });
  });

  it("streams a non-HTTP response from stream(), with its content type and no prelude", async () => {
    const ndjson = await startMockRuntimeApi();
    try {
      run(
        stream(
          async function* (event: { rows: number }) {
            for (let i = 1; i <= event.rows; i++) yield JSON.stringify({ i }) + "\n";
          },
          { contentType: "application/x-ndjson" },
        ),
        ndjson.address,
      );
      const outcome = await ndjson.enqueue({ body: { rows: 2 } });
      assert.equal(outcome.headers["lambda-runtime-function-response-mode"], "streaming");
      assert.equal(outcome.headers["content-type"], "application/x-ndjson");
      assert.equal(outcome.body.toString("utf8"), '{"i":1}\n{"i":2}\n');
      assert.deepEqual(outcome.trailers, {});
    } finally {
      stops.at(-1)!.abort();
      await ndjson.close();
      await loops.at(-1);
    }
  });
});
