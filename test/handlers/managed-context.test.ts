import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kataContext } from "../../index.js";
import type { KataContext } from "../../runtime/context.js";
import { managedContext } from "./support/context.js";
import { onReindex } from "../generated/index.js";
import { awsContext } from "../ecosystem/aws-context.js";

describe("the context under the managed runtime", () => {
  it("gains deadlineMs, an AbortSignal and the X-Ray trace id, keeping the managed fields", async (t) => {
    const previous = process.env["_X_AMZN_TRACE_ID"];
    process.env["_X_AMZN_TRACE_ID"] = "Root=1-67890abc-0123456789abcdef01234567;Sampled=1";
    t.after(() => {
      if (previous === undefined) delete process.env["_X_AMZN_TRACE_ID"];
      else process.env["_X_AMZN_TRACE_ID"] = previous;
    });
    let seen: KataContext | undefined;
    const handler = onReindex((_payload, context) => {
      seen = context;
    });
    const before = Date.now();
    await handler({ index: "orders" }, managedContext("req-ctx", 5_000));
    assert.ok(seen);
    assert.equal(seen.awsRequestId, "req-ctx");
    assert.equal(seen.functionName, "orders");
    assert.ok(seen.deadlineMs >= before + 4_900 && seen.deadlineMs <= Date.now() + 5_000, `deadlineMs ${seen.deadlineMs}`);
    assert.ok(seen.signal instanceof AbortSignal);
    assert.equal(seen.signal.aborted, false);
    assert.equal(seen.traceId, "Root=1-67890abc-0123456789abcdef01234567;Sampled=1");
  });

  it("aborts the signal when the remaining time runs out", async () => {
    const context = kataContext(managedContext("req-late", 10));
    // The signal's timer is unref'd (it must never hold a process open), so the test holds the loop.
    const holdLoop = setTimeout(() => {}, 1_000);
    await new Promise<void>((resolve) => context.signal.addEventListener("abort", () => resolve(), { once: true }));
    clearTimeout(holdLoop);
    assert.equal(context.signal.aborted, true);
  });

  it("passes a context that already has kata's fields through unchanged", () => {
    const full = { ...managedContext(), deadlineMs: 123, signal: new AbortController().signal } as KataContext;
    assert.equal(kataContext(full), full);
  });
});

describe("kataContext() on a plain @types/aws-lambda Context (a unit test's)", () => {
  it("derives deadlineMs and a live signal from getRemainingTimeInMillis, and keeps the given fields", () => {
    const plain = awsContext("req-plain", 2_000);
    const before = Date.now();
    const context = kataContext(plain);
    assert.equal(context.awsRequestId, "req-plain");
    assert.ok(context.deadlineMs >= before + 1_900 && context.deadlineMs <= Date.now() + 2_000, `deadlineMs ${context.deadlineMs}`);
    assert.equal(context.signal.aborted, false);
    assert.equal(kataContext(context), context, "a completed context is returned as is");
  });
});
