import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTextContentType } from "../../http/index.js";
import { httpApiEvent, PNG } from "./events.js";
import { resultFor } from "./harness.js";

describe("isTextContentType", () => {
  it("counts text/*, JSON, XML, JavaScript, +json and +xml as text", () => {
    for (const type of ["text/plain", "text/html; charset=utf-8", "text/csv", "application/json", "APPLICATION/JSON;charset=UTF-8", "application/xml", "application/javascript", "application/problem+json", "image/svg+xml", "application/vnd.api+json ; q=1"]) {
      assert.equal(isTextContentType(type), true, type);
    }
  });

  it("counts everything else as binary", () => {
    for (const type of ["image/png", "application/octet-stream", "application/pdf", "application/jsonx", "application/json-seq", "video/mp4", "application/x-www-form-urlencoded"]) {
      assert.equal(isTextContentType(type), false, type);
    }
  });
});

describe("response bodies", () => {
  const answer = (body: ConstructorParameters<typeof Response>[0], headers: Record<string, string>) => resultFor(httpApiEvent(), new Response(body, { headers }));

  it("sends UTF-8 text as text", async () => {
    assert.deepEqual(await answer("héllo ☕", { "content-type": "text/plain; charset=utf-8" }).then((r) => [r.body, r.isBase64Encoded]), ["héllo ☕", false]);
  });

  it("sends text in another charset as base64, so that its bytes are not re-decoded as UTF-8", async () => {
    const latin1 = Buffer.from("caf\xe9", "latin1");
    const result = await answer(latin1, { "content-type": "text/plain; charset=iso-8859-1" });
    assert.equal(result.isBase64Encoded, true);
    assert.deepEqual(Buffer.from(result.body, "base64"), latin1);
  });

  it("sends a text type whose bytes are not valid UTF-8 as base64", async () => {
    const result = await answer(PNG, { "content-type": "application/json" });
    assert.equal(result.isBase64Encoded, true);
    assert.deepEqual(Buffer.from(result.body, "base64"), PNG);
  });

  it("sends compressed text as base64", async () => {
    const gzipped = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
    const result = await answer(gzipped, { "content-type": "application/json", "content-encoding": "gzip" });
    assert.deepEqual([result.body, result.isBase64Encoded], [gzipped.toString("base64"), true]);
  });

  it("sends a body without a content type as base64", async () => {
    const result = await answer(new Uint8Array([104, 105]), {});
    assert.deepEqual([result.body, result.isBase64Encoded], ["aGk=", true]);
  });
});

describe("response bodies as streams", () => {
  const streamOf = (chunks: unknown[]) =>
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });

  it("joins the chunks of a streamed body", async () => {
    const encoder = new TextEncoder();
    const response = new Response(streamOf([encoder.encode("hé"), encoder.encode("llo"), new Uint8Array(0), encoder.encode(" ☕")]), { headers: { "content-type": "text/plain" } });
    const result = await resultFor(httpApiEvent(), response);
    assert.deepEqual([result.body, result.isBase64Encoded], ["héllo ☕", false]);
  });

  it("joins binary chunks before base64, so that no chunk boundary shows", async () => {
    const response = new Response(streamOf([PNG.subarray(0, 7), PNG.subarray(7)]), { headers: { "content-type": "image/png" } });
    const result = await resultFor(httpApiEvent(), response);
    assert.deepEqual([Buffer.from(result.body, "base64"), result.isBase64Encoded], [PNG, true]);
  });

  it("rejects a chunk that is not bytes, as arrayBuffer() does", async () => {
    await assert.rejects(resultFor(httpApiEvent(), new Response(streamOf(["text"]))), (error: unknown) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /produced a string chunk; a Response body must produce Uint8Array chunks/);
      return true;
    });
  });

  it("answers a Response without a body with an empty text body", async () => {
    assert.deepEqual(await resultFor(httpApiEvent(), new Response(null, { status: 204 })), { statusCode: 204, headers: {}, body: "", isBase64Encoded: false });
  });
});
