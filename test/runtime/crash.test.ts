import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { json, spawnAgainstMock } from "./harness.js";

describe("an error outside the awaited promise ends the process after failing the invocations in flight", () => {
  it("posts an uncaught exception for the invocation in flight, then exits 129", async () => {
    const runtime = await spawnAgainstMock(["esm/crash-uncaught.handler"]);
    const outcome = await runtime.api.enqueue({ requestId: "crash-1", body: {}, headers: { "Lambda-Runtime-Invocation-Id": "inv-c-1" } });
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 129);
    assert.equal(outcome.kind, "error");
    assert.equal(runtime.api.postsFor("crash-1")[0]!.path, "/2018-06-01/runtime/invocation/crash-1/error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.TypeError");
    assert.equal(outcome.headers["lambda-runtime-invocation-id"], "inv-c-1");
    const body = json(outcome.body);
    assert.equal(body.errorType, "TypeError");
    assert.equal(body.errorMessage, "thrown from a timer");
    assert.match(exit.stdout, /\tcrash-1\tERROR\tUncaught Exception\t\{"errorType":"TypeError","errorMessage":"thrown from a timer"/);
  });

  it("posts an unhandled rejection as Runtime.UnhandledPromiseRejection, then exits 128", async () => {
    const runtime = await spawnAgainstMock(["esm/crash-rejection.handler"]);
    const outcome = await runtime.api.enqueue({ requestId: "crash-2", body: {} });
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 128);
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.UnhandledPromiseRejection");
    const body = json(outcome.body);
    assert.equal(body.errorType, "Runtime.UnhandledPromiseRejection");
    assert.equal(body.errorMessage, "RangeError: nobody awaits me");
    assert.match(body.stackTrace[0], /^RangeError: nobody awaits me/);
  });

  it("fails every invocation in flight when concurrency is above 1", async () => {
    const runtime = await spawnAgainstMock(["esm/crash-concurrent.handler"], { AWS_LAMBDA_MAX_CONCURRENCY: "3" });
    await runtime.api.waitForPolls(3);
    const outcomes = await Promise.all([
      runtime.api.enqueue({ requestId: "waits-1", body: {} }),
      runtime.api.enqueue({ requestId: "waits-2", body: {} }),
      runtime.api.enqueue({ requestId: "crashes", body: { crash: true } }),
    ]);
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 129);
    for (const outcome of outcomes) {
      assert.equal(outcome.kind, "error");
      assert.equal(json(outcome.body).errorMessage, "one invocation broke the process");
    }
  });
});
