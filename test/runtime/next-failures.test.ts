import assert from "node:assert/strict";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { startMockRuntimeApi } from "../support/mock-runtime-api.js";
import { json, runLoop, spawnAgainstMock, spawnRuntime } from "./harness.js";

const NEXT = "/2018-06-01/runtime/invocation/next";

describe("when GET /next fails", () => {
  it("retries a 500 and a reset connection with backoff, then goes on", async () => {
    const loop = await runLoop(async (event: unknown) => ({ event }));
    try {
      loop.api.failNext({ answer: { status: 500 } });
      loop.api.failNext({ answer: { drop: "reset" } });
      const outcome = await loop.api.enqueue({ requestId: "after-retries", body: { n: 1 } });
      assert.deepEqual(json(outcome.body), { event: { n: 1 } });
      assert.ok(loop.api.requests.filter((r) => r.path === NEXT).length >= 3);
      const retries = loop.logs.filter((l) => l.includes("\tWARN\tkata: GET /2018-06-01/runtime/invocation/next failed"));
      assert.match(retries[0]!, /Runtime API answered 500 to GET \/2018-06-01\/runtime\/invocation\/next.*; retrying in 100 ms/);
      // The reset hits a reused keep-alive socket: the connection itself may retry it once.
      assert.ok(retries.length <= 2);
    } finally {
      await loop.stop();
    }
  });

  it("exits 1 with one line saying what happened after 502s that do not stop", async () => {
    const runtime = await spawnAgainstMock(["esm/echo.handler"]);
    runtime.api.failNext({ times: 10, answer: { status: 502 } });
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 1);
    assert.equal(runtime.api.requests.filter((r) => r.path === NEXT).length, 4, "the first try and three retries");
    const fatal = exit.stdout.split("\n").filter((l) => l.includes("\tERROR\t"));
    assert.equal(fatal.length, 1);
    // Not "unreachable": it answered every time, with an error status.
    assert.match(fatal[0]!, /kata: GET \/2018-06-01\/runtime\/invocation\/next failed 4 times, last with: Runtime API answered 502 .*\. The Runtime API is reachable but kept answering 502 instead of an invocation; exiting\./);
  });

  it("exits 1 after retries when the connection is refused", async () => {
    const api = await startMockRuntimeApi();
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const runtime = spawnRuntime(api, ["esm/echo.handler"], { AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${closedPort}` });
    const exit = await runtime.exited;
    await api.close();
    assert.equal(exit.code, 1);
    assert.match(exit.stdout, /\tERROR\tkata: GET \/2018-06-01\/runtime\/invocation\/next failed 4 times, last with: .*ECONNREFUSED.*\. The Runtime API is unreachable; exiting\./);
    assert.equal((exit.stdout.match(/\tWARN\t/g) ?? []).length, 3);
  });

  it("exits 1 when a post is answered 500, which the docs call non-recoverable", async () => {
    const runtime = await spawnAgainstMock(["esm/echo.handler"]);
    runtime.api.failPost({ kind: "response", answer: { status: 500 } });
    void runtime.api.enqueue({ requestId: "p-500", body: {} });
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 1);
    assert.match(exit.stdout, /kata: Runtime API answered 500 to POST \/2018-06-01\/runtime\/invocation\/p-500\/response.* while posting the response of request p-500; Lambda reports a non-recoverable container error, exiting\./);
  });
});
