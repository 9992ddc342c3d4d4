import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import type { LambdaContext } from "../../runtime/context.js";
import { currentContext } from "../../runtime/invocation-scope.js";
import { resolveConcurrency } from "../../runtime/concurrency.js";
import { json, runLoop, type LoopUnderTest } from "./harness.js";

describe("multi-concurrency (Lambda Managed Instances)", () => {
  let loop: LoopUnderTest;
  let active = 0;
  let maxActive = 0;
  const gates = new Map<string, () => void>();
  before(async () => {
    process.env._X_AMZN_TRACE_ID = "untouched";
    loop = await runLoop(
      async (event: any, context: LambdaContext) => {
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          if (event.hang) return await new Promise(() => {});
          if (event.gate) await new Promise<void>((resolve) => gates.set(context.awsRequestId, resolve));
          if (event.fail) throw new Error(`failing ${context.awsRequestId}`);
          // Interleave with the other invocations, then check that nothing leaked between them.
          await sleep(event.delay ?? 0);
          console.log("working on", event.id);
          const scoped = currentContext();
          return { id: event.id, scopedRequestId: scoped?.awsRequestId, scopedTrace: scoped?.traceId, requestId: context.awsRequestId, traceEnv: process.env._X_AMZN_TRACE_ID };
        } finally {
          active--;
        }
      },
      { concurrency: 3 },
    );
  });
  after(async () => {
    await loop.stop();
    delete process.env._X_AMZN_TRACE_ID;
  });

  it("keeps three /next long-polls open at once", async () => {
    await loop.api.waitForPolls(3);
    assert.equal(loop.api.pendingPolls, 3);
  });

  it("never runs more than three invocations at once", async () => {
    maxActive = 0;
    const outcomes = Array.from({ length: 5 }, (_, i) => loop.api.enqueue({ requestId: `gate-${i}`, body: { gate: true, id: i } }));
    while (gates.size < 3) await sleep(5);
    await sleep(30); // give a fourth invocation every chance to start if the limit were broken
    assert.equal(gates.size, 3);
    assert.equal(active, 3);
    for (const release of gates.values()) release();
    gates.clear();
    while (gates.size < 2) await sleep(5);
    for (const release of gates.values()) release();
    const results = await Promise.all(outcomes);
    assert.deepEqual(results.map((r) => r.kind), ["response", "response", "response", "response", "response"]);
    assert.equal(maxActive, 3);
  });

  it("keeps each invocation's context, trace id and log request id apart while they interleave", async () => {
    const ids = [0, 1, 2, 3, 4, 5];
    const outcomes = await Promise.all(ids.map((id) => loop.api.enqueue({ requestId: `mix-${id}`, body: { id: `mix ${id}`, delay: (6 - id) * 3 } })));
    for (const [i, outcome] of outcomes.entries()) {
      const body = json(outcome.body);
      assert.equal(body.requestId, `mix-${i}`);
      assert.equal(body.scopedRequestId, `mix-${i}`);
      assert.equal(body.scopedTrace, `Root=1-5bef4de7-${`mix-${i}`.padStart(24, "0")};Parent=9a9197af755a6419;Sampled=1`);
      assert.equal(body.traceEnv, "untouched", "_X_AMZN_TRACE_ID is not shared between concurrent invocations");
      const line = loop.logs.find((l) => l.endsWith(`\tINFO\tworking on mix ${i}\n`));
      assert.ok(line, `log line of ${i}`);
      assert.equal(line.split("\t")[1], `mix-${i}`);
    }
  });

  it("a failing invocation does not stop the others", async () => {
    const [ok1, failed, ok2] = await Promise.all([
      loop.api.enqueue({ requestId: "f-ok-1", body: { id: "a", delay: 10 } }),
      loop.api.enqueue({ requestId: "f-bad", body: { fail: true } }),
      loop.api.enqueue({ requestId: "f-ok-2", body: { id: "b", delay: 10 } }),
    ]);
    assert.equal(ok1.kind, "response");
    assert.equal(ok2.kind, "response");
    assert.equal(failed.kind, "error");
    assert.equal(json(failed.body).errorMessage, "failing f-bad");
  });

  it("frees the slot of a handler that never settles by posting Runtime.InvocationTimeout at its deadline", async () => {
    const started = Date.now();
    const outcome = await loop.api.enqueue({ requestId: "hang-1", body: { hang: true }, deadlineMs: started + 150 });
    assert.ok(Date.now() - started >= 140, "not before the deadline");
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.InvocationTimeout");
    assert.match(json(outcome.body).errorMessage, /Request hang-1 did not settle by its deadline .*; its slot was freed/);
    // Three slots again: the hung handler no longer holds one.
    await loop.api.waitForPolls(3);
  });
});

describe("resolveConcurrency", () => {
  it("reads AWS_LAMBDA_MAX_CONCURRENCY, and the option wins over it", () => {
    assert.equal(resolveConcurrency(undefined, {}), 1);
    assert.equal(resolveConcurrency(undefined, { AWS_LAMBDA_MAX_CONCURRENCY: "64" }), 64);
    assert.equal(resolveConcurrency(2, { AWS_LAMBDA_MAX_CONCURRENCY: "64" }), 2);
  });

  it("names the setting when it is not a whole number of at least 1", () => {
    assert.throws(() => resolveConcurrency(undefined, { AWS_LAMBDA_MAX_CONCURRENCY: "lots" }), {
      name: "Runtime.ConfigInvalid",
      message: 'AWS_LAMBDA_MAX_CONCURRENCY ("lots") must be a whole number of at least 1, got NaN.',
    });
    assert.throws(() => resolveConcurrency(0, {}), { name: "Runtime.ConfigInvalid", message: /the concurrency option of start\(\)/ });
  });
});

describe("the managed runtime's InvokeStore under start({ concurrency })", () => {
  interface Store {
    getRequestId(): string;
    getXRayTraceId(): string | undefined;
    get(key: symbol): unknown;
    set(key: symbol, value: unknown): void;
    hasContext(): boolean;
  }
  const storeOf = () => (globalThis as { awslambda?: { InvokeStore?: Store } }).awslambda?.InvokeStore;
  const KEY = Symbol("test.value");

  it("is provided with AWS_LAMBDA_MAX_CONCURRENCY, scoped to each invocation, and the variable is dropped on stop", async () => {
    delete process.env.AWS_LAMBDA_MAX_CONCURRENCY;
    const loop = await runLoop(
      async (event: any) => {
        const store = storeOf()!;
        store.set(KEY, event.id);
        await sleep(event.delay);
        return { requestId: store.getRequestId(), trace: store.getXRayTraceId(), value: store.get(KEY), env: process.env.AWS_LAMBDA_MAX_CONCURRENCY };
      },
      { concurrency: 2 },
    );
    try {
      const [slow, fast] = await Promise.all([
        loop.api.enqueue({ requestId: "store-slow", body: { id: "slow", delay: 60 }, headers: { "Lambda-Runtime-Trace-Id": "Root=1-slow" } }),
        loop.api.enqueue({ requestId: "store-fast", body: { id: "fast", delay: 0 }, headers: { "Lambda-Runtime-Trace-Id": "Root=1-fast" } }),
      ]);
      assert.deepEqual(json(slow!.body), { requestId: "store-slow", trace: "Root=1-slow", value: "slow", env: "2" });
      assert.deepEqual(json(fast!.body), { requestId: "store-fast", trace: "Root=1-fast", value: "fast", env: "2" });
      assert.equal(storeOf()!.hasContext(), false, "no invocation outside the loop");
      assert.throws(() => storeOf()!.set(Symbol.for("_AWS_LAMBDA_REQUEST_ID"), "x"), /protected Lambda context field/);
    } finally {
      await loop.stop();
    }
    assert.equal(process.env.AWS_LAMBDA_MAX_CONCURRENCY, undefined);
  });
});
