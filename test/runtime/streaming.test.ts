import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { KATA_STREAMING, type StreamingResult } from "../../runtime/streaming.js";
import { json, runLoop, type LoopUnderTest } from "./harness.js";

const CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";
const prelude = Buffer.concat([Buffer.from('{"statusCode":201,"headers":{"x-kind":"stream"}}'), Buffer.alloc(8)]);

function streamOf(chunks: string[], failWith?: Error): StreamingResult {
  return {
    [KATA_STREAMING]: true,
    contentType: CONTENT_TYPE,
    prelude,
    body: (async function* () {
      for (const chunk of chunks) {
        await new Promise((resolve) => setImmediate(resolve));
        yield Buffer.from(chunk);
      }
      if (failWith) throw failWith;
    })(),
  };
}

describe("a streaming result", () => {
  let loop: LoopUnderTest;
  before(async () => {
    loop = await runLoop(async (event: any) => {
      if (event.mode === "fail") return streamOf(["part one;"], new RangeError("the source went away"));
      if (event.mode === "plain") return { buffered: true };
      return streamOf(["chunk-1;", "chunk-2;", "chunk-3"]);
    });
  });
  after(() => loop.stop());

  it("is posted chunked to /response with the streaming headers, the prelude first", async () => {
    const outcome = await loop.api.enqueue({ requestId: "s-1", body: {}, headers: { "Lambda-Runtime-Invocation-Id": "inv-s-1" } });
    assert.equal(outcome.kind, "response");
    const [post] = loop.api.postsFor("s-1");
    assert.equal(post!.path, "/2018-06-01/runtime/invocation/s-1/response");
    assert.equal(outcome.headers["lambda-runtime-function-response-mode"], "streaming");
    assert.equal(outcome.headers["content-type"], CONTENT_TYPE);
    assert.equal(outcome.headers["transfer-encoding"], "chunked");
    assert.equal(outcome.headers["trailer"], "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
    assert.equal(outcome.headers["lambda-runtime-invocation-id"], "inv-s-1");
    assert.equal(outcome.headers["content-length"], undefined);
    assert.deepEqual(outcome.body, Buffer.concat([prelude, Buffer.from("chunk-1;chunk-2;chunk-3")]));
    assert.deepEqual(outcome.trailers, {});
  });

  it("reports an error thrown mid-stream in the error trailers, base64 JSON in the body trailer", async () => {
    const outcome = await loop.api.enqueue({ requestId: "s-2", body: { mode: "fail" } });
    assert.equal(outcome.kind, "response", "Lambda treats a stream with error trailers as a response");
    assert.deepEqual(outcome.body, Buffer.concat([prelude, Buffer.from("part one;")]));
    assert.equal(outcome.trailers["lambda-runtime-function-error-type"], "Function.RangeError");
    const error = JSON.parse(Buffer.from(outcome.trailers["lambda-runtime-function-error-body"]!, "base64").toString("utf8"));
    assert.equal(error.errorType, "RangeError");
    assert.equal(error.errorMessage, "the source went away");
    assert.match(error.stackTrace[0], /^RangeError: the source went away/);
    assert.ok(
      loop.logs.some((line) => /\ts-2\tERROR\tInvoke Error\t\{"errorType":"RangeError","errorMessage":"the source went away"/.test(line)),
      "the failure is logged as the managed runtime logs it, with the request id",
    );
  });

  it("leaves buffered results and the next invocations as they were", async () => {
    const outcome = await loop.api.enqueue({ requestId: "s-3", body: { mode: "plain" } });
    assert.deepEqual(json(outcome.body), { buffered: true });
    assert.equal(outcome.headers["lambda-runtime-function-response-mode"], undefined);
  });
});
