import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import type { KataContext } from "../../runtime/context.js";
import { json, runLoop } from "./harness.js";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("AWS_LAMBDA_MAX_CONCURRENCY=2 under Runtime API faults", () => {
  it("answers both invocations when the Runtime API hands out one request id twice, and logs the duplicate", async () => {
    process.env.AWS_LAMBDA_MAX_CONCURRENCY = "2";
    const gates = new Map<string, () => void>();
    const loop = await runLoop(async (event: { n: number }) => {
      await new Promise<void>((resolve) => gates.set(String(event.n), resolve));
      return { n: event.n };
    });
    delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
    try {
      const first = loop.api.enqueue({ requestId: "dup-1", body: { n: 1 }, headers: { "Lambda-Runtime-Invocation-Id": "inv-a" } });
      const second = loop.api.enqueue({ requestId: "dup-1", body: { n: 2 }, headers: { "Lambda-Runtime-Invocation-Id": "inv-b" } });
      while (gates.size < 2) await sleep(5);
      gates.get("1")!(); // the first to finish used to remove the second's in-flight entry
      assert.deepEqual(json((await first).body), { n: 1 });
      gates.get("2")!();
      const late = await Promise.race([second, sleep(5000).then(() => assert.fail("the second invocation of dup-1 was never answered"))]);
      assert.equal(late.kind, "response");
      assert.deepEqual(json(late.body), { n: 2 });
      assert.deepEqual(loop.api.postsFor("dup-1").map((post) => post.headers["lambda-runtime-invocation-id"]), ["inv-a", "inv-b"]);
      const warning = loop.logs.find((line) => line.includes("handed out request dup-1 again"));
      assert.ok(warning, "the duplicate is logged");
      assert.match(warning, /\tWARN\tkata: the Runtime API handed out request dup-1 again while it is still running \(invocation ids inv-a and inv-b\); both are answered/);
    } finally {
      await loop.stop();
    }
  });

  it("completes invocations whose deadline is 30 days away instead of timing them out at once", async () => {
    const loop = await runLoop(
      async (_event: unknown, context: KataContext) => {
        const signal = context.signal;
        await sleep(30); // Node fires an over-long timer after 1 ms: a broken deadline would have fired by now
        return { aborted: signal.aborted, remainingDays: Math.floor(context.getRemainingTimeInMillis() / DAY_MS) };
      },
      { concurrency: 2 },
    );
    try {
      const deadlineMs = Date.now() + 30 * DAY_MS;
      const outcomes = await Promise.all(["far-1", "far-2"].map((requestId) => loop.api.enqueue({ requestId, body: {}, deadlineMs })));
      for (const outcome of outcomes) {
        assert.equal(outcome.kind, "response", outcome.body.toString());
        assert.deepEqual(json(outcome.body), { aborted: false, remainingDays: 29 });
      }
    } finally {
      await loop.stop();
    }
  });
});

describe("event bytes with a UTF-8 byte-order mark", () => {
  it("reach a plain handler parsed, as they reach kata's decoders, instead of failing with Runtime.MalformedEvent", async () => {
    const loop = await runLoop(async (event: unknown) => ({ received: event }));
    try {
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"orderId":"ord-1"}')]);
      const outcome = await loop.api.enqueue({ requestId: "bom-1", body });
      assert.equal(outcome.kind, "response", outcome.body.toString());
      assert.deepEqual(json(outcome.body), { received: { orderId: "ord-1" } });
    } finally {
      await loop.stop();
    }
  });
});
