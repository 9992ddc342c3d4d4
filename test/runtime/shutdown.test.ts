import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { json, spawnAgainstMock } from "./harness.js";

describe("shutdown", () => {
  it("registers an internal extension for SIGTERM, runs the onShutdown hooks on SIGTERM and exits 0", async () => {
    const runtime = await spawnAgainstMock(["esm/shutdown.handler"]);
    const register = await runtime.api.waitForRequest((r) => r.path === "/2020-01-01/extension/register");
    assert.equal(register.method, "POST");
    assert.equal(register.headers["lambda-extension-name"], "kata-runtime-sigterm");
    assert.deepEqual(json(register.body), { events: [] });
    const next = await runtime.api.waitForRequest((r) => r.path === "/2020-01-01/extension/event/next");
    assert.equal(next.method, "GET");
    assert.equal(next.headers["lambda-extension-identifier"], "ext-id-1");
    const registerIndex = runtime.api.requests.indexOf(register);
    const firstPoll = runtime.api.requests.findIndex((r) => r.path === "/2018-06-01/runtime/invocation/next");
    assert.ok(firstPoll === -1 || registerIndex < firstPoll, "the extension registers during init, before the first /next");

    assert.equal(json((await runtime.api.enqueue({ body: {} })).body), "ok");
    runtime.child.kill("SIGTERM");
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 0);
    assert.equal(exit.signal, null);
    assert.match(exit.stdout, /shutdown hook ran\n/);
  });

  it("does not register an extension without hooks, and still exits 0 on SIGTERM", async () => {
    const runtime = await spawnAgainstMock(["esm/echo.handler"]);
    await runtime.api.waitForPolls(1);
    runtime.child.kill("SIGTERM");
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 0);
    assert.ok(!runtime.api.requests.some((r) => r.path.startsWith("/2020-01-01/extension/")));
  });

  it("on SIGTERM during an invocation logs a line naming the abandoned request, then exits 0", async () => {
    const runtime = await spawnAgainstMock(["esm/hang.handler"]);
    void runtime.api.enqueue({ requestId: "abandoned-1", body: {} });
    await runtime.printed("handler started");
    runtime.child.kill("SIGTERM");
    const exit = await runtime.exited;
    await runtime.end();
    assert.equal(exit.code, 0);
    const line = exit.stdout.split("\n").find((l) => l.includes("SIGTERM"));
    assert.ok(line, exit.stdout);
    assert.match(line, /\tabandoned-1\tWARN\tkata: SIGTERM while request abandoned-1 was still running: it is abandoned, no response will be posted for it\./);
    assert.deepEqual(runtime.api.postsFor("abandoned-1"), []);
  });
});
