import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { json, runLoop, type LoopUnderTest } from "./harness.js";

describe("when the Runtime API refuses a post", () => {
  let loop: LoopUnderTest;
  before(async () => {
    loop = await runLoop(async (event: any) => {
      if (event.fail) throw new SyntaxError("handler failed");
      return { size: event.size ?? 0 };
    });
  });
  after(() => loop.stop());

  it("after a 413 on /response logs Runtime.ResponseSizeTooLarge with the request id, posts nothing more (as aws-lambda-ric), and goes on", async () => {
    loop.api.failPost({ kind: "response", requestId: "big-1", answer: { status: 413, body: '{"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}' } });
    void loop.api.enqueue({ requestId: "big-1", body: { size: 1 } }); // never settles: the mock resolves only accepted posts
    assert.equal((await loop.api.enqueue({ requestId: "after-big", body: { size: 2 } })).kind, "response");
    // The Runtime API has already failed the invocation: an /error now would only be refused with 403.
    assert.deepEqual(loop.api.postsFor("big-1").map((r) => r.path), ["/2018-06-01/runtime/invocation/big-1/response"]);
    const line = loop.logs.find((l) => l.includes("\tbig-1\tERROR\t"));
    assert.ok(line, "one ERROR line for big-1");
    assert.match(line, /Runtime\.ResponseSizeTooLarge.*The response of request big-1 \(10 bytes\) is larger than the Runtime API accepts.*Exceeded maximum allowed payload size/);
    assert.equal(loop.logs.filter((l) => l.includes("\tbig-1\t")).length, 1);
  });

  it("posts Runtime.InvalidResponse after a 400 on /response", async () => {
    loop.api.failPost({ kind: "response", requestId: "bad-1", answer: { status: 400 } });
    const outcome = await loop.api.enqueue({ requestId: "bad-1", body: {} });
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.InvalidResponse");
    assert.match(json(outcome.body).errorMessage, /refused the response of request bad-1 as malformed: Runtime API answered 400 to POST \/2018-06-01\/runtime\/invocation\/bad-1\/response/);
  });

  for (const status of [403, 410]) {
    it(`logs a ${status} on /response with the request id, posts nothing more, and goes on`, async () => {
      const requestId = `refused-${status}`;
      loop.api.failPost({ kind: "response", requestId, answer: { status } });
      const outcome = loop.api.enqueue({ requestId, body: {} });
      const next = await loop.api.enqueue({ requestId: `after-${status}`, body: { size: 3 } });
      assert.equal(next.kind, "response");
      assert.deepEqual(loop.api.postsFor(requestId).map((r) => r.path), [`/2018-06-01/runtime/invocation/${requestId}/response`]);
      const line = loop.logs.find((l) => l.includes(`kata: the response of request ${requestId} was not accepted`));
      assert.ok(line, `a log line for ${requestId}`);
      assert.match(line, new RegExp(`\\t${requestId}\\tERROR\\t`));
      assert.ok(line.includes(`Runtime API answered ${status}`));
      if (status === 410) assert.ok(line.includes("410 Gone: it came too late"));
      void outcome; // never settles: the mock resolves only accepted posts
    });
  }

  it("logs a refused /error post with the request id and goes on", async () => {
    loop.api.failPost({ kind: "error", requestId: "err-refused", answer: { status: 400 } });
    void loop.api.enqueue({ requestId: "err-refused", body: { fail: true } });
    assert.equal((await loop.api.enqueue({ requestId: "after-err", body: {} })).kind, "response");
    const line = loop.logs.find((l) => l.includes("kata: could not post the error of request err-refused"));
    assert.ok(line);
    assert.match(line, /\terr-refused\tERROR\t/);
  });

  it("logs a connection reset during a post and goes on with a new connection", async () => {
    loop.api.failPost({ kind: "response", requestId: "reset-1", answer: { drop: "reset" } });
    void loop.api.enqueue({ requestId: "reset-1", body: {} });
    assert.equal((await loop.api.enqueue({ requestId: "after-reset", body: {} })).kind, "response");
    assert.ok(loop.logs.some((l) => l.includes("kata: the response of request reset-1 was not accepted")));
  });
});
