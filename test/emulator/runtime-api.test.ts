import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Emulator } from "../../emulator/emulator.js";
import { eventually, isAlive } from "./eventually.js";
import { httpCall } from "./http-client.js";

/**
 * The Runtime API as a runtime sees it. The function process is an idle node that never calls
 * the API, so the test itself plays the runtime and sees every status code and body.
 */
const IDLE = [process.execPath, "-e", "setTimeout(() => {}, 60_000)"];
const NEXT = "/2018-06-01/runtime/invocation/next";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function startIdle(timeoutSeconds = 5): Promise<Emulator> {
  return Emulator.start({
    command: IDLE,
    handler: "index.handler",
    taskRoot: process.cwd(),
    functionName: "orders",
    region: "eu-west-1",
    timeoutSeconds,
    logs: () => {},
  });
}

describe("Runtime API", () => {
  let emulator: Emulator;
  before(async () => (emulator = await startIdle()));
  after(() => emulator.close());

  it("hands the event to GET /next with every invocation header", async () => {
    const invoked = emulator.invoke('{"orderId":"ord-1"}', { clientContext: '{"custom":{"tenant":"t1"}}' });
    const before = Date.now();
    const next = await httpCall(emulator.url, "GET", NEXT);
    const after = Date.now();
    assert.equal(next.status, 200);
    assert.equal(next.body, '{"orderId":"ord-1"}');
    assert.equal(next.headers["content-type"], "application/json");
    const id = next.headers["lambda-runtime-aws-request-id"] as string;
    assert.match(id, UUID);
    const deadline = Number(next.headers["lambda-runtime-deadline-ms"]);
    assert.ok(deadline >= before + 5000 && deadline <= after + 5000, `deadline ${deadline} is not 5 s after the dispatch`);
    assert.equal(next.headers["lambda-runtime-invoked-function-arn"], "arn:aws:lambda:eu-west-1:123456789012:function:orders");
    assert.match(next.headers["lambda-runtime-trace-id"] as string, /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    assert.equal(next.headers["lambda-runtime-client-context"], '{"custom":{"tenant":"t1"}}');

    const posted = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: '{"ok":true}', headers: { "Content-Type": "application/json" } });
    assert.deepEqual([posted.status, JSON.parse(posted.body)], [202, { status: "OK" }]);
    const result = await invoked;
    assert.equal(result.requestId, id);
    assert.equal(result.payload.toString(), '{"ok":true}');
    assert.equal(result.error, undefined);
  });

  it("answers 403 InvalidStateTransition to a second response for the same request id", async () => {
    void emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    assert.equal((await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: "1" })).status, 202);
    const second = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: "2" });
    assert.equal(second.status, 403);
    assert.deepEqual(JSON.parse(second.body), {
      errorType: "InvalidStateTransition",
      errorMessage: "State transition from ResponseSent to InvocationResponse failed for runtime. Error: State transition is not allowed",
    });
    const errorAfter = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/error`, { body: "{}" });
    assert.equal(errorAfter.status, 403);
  });

  it("answers 400 InvalidRequestID to a request id that is not in flight", async () => {
    const invoked = emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const wrong = await httpCall(emulator.url, "POST", "/2018-06-01/runtime/invocation/not-a-request-id/response", { body: "{}" });
    assert.deepEqual([wrong.status, JSON.parse(wrong.body)], [400, { errorType: "InvalidRequestID", errorMessage: "Invalid request ID" }]);
    await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: '"still answerable"' });
    assert.equal((await invoked).payload.toString(), '"still answerable"');
  });

  it("answers 413 to a response over 6 MB and fails the invocation with Function.ResponseSizeTooLarge", async () => {
    const invoked = emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const tooLarge = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: Buffer.alloc(6 * 1024 * 1024 + 101, 0x61) });
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(JSON.parse(tooLarge.body), { errorType: "RequestEntityTooLarge", errorMessage: "Exceeded maximum allowed payload size (6291556 bytes)." });
    const result = await invoked;
    assert.deepEqual(result.error, {
      errorType: "Function.ResponseSizeTooLarge",
      errorMessage: "Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).",
    });
  });

  it("accepts a response of exactly 6 MB + 100 bytes", async () => {
    const invoked = emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const posted = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: Buffer.alloc(6 * 1024 * 1024 + 100, 0x61) });
    assert.equal(posted.status, 202);
    assert.equal((await invoked).payload.length, 6 * 1024 * 1024 + 100);
  });

  it("passes a posted error document through to the invoker", async () => {
    const invoked = emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const document = '{"errorType":"Function.OrderRejected","errorMessage":"quantity must be positive","stackTrace":["at handler (orders.js:3:9)"]}';
    const posted = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/error`, {
      body: document,
      headers: { "Lambda-Runtime-Function-Error-Type": "Function.OrderRejected" },
    });
    assert.equal(posted.status, 202);
    const result = await invoked;
    assert.equal(result.payload.toString(), document);
    assert.equal(result.phase, "invoke");
    assert.deepEqual(result.error, { errorType: "Function.OrderRejected", errorMessage: "quantity must be positive", stackTrace: ["at handler (orders.js:3:9)"] });
  });

  it("builds the error document from Lambda-Runtime-Function-Error-Type when the body is not JSON", async () => {
    const invoked = emulator.invoke("{}");
    const id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/error`, { body: "segfault", headers: { "Lambda-Runtime-Function-Error-Type": "Runtime.Crash" } });
    const result = await invoked;
    assert.deepEqual(JSON.parse(result.payload.toString()), { errorType: "Runtime.Crash", errorMessage: "Unknown application error occurred" });
  });

  it("takes a streamed response to its end, and fails it when its trailers carry an error", async () => {
    const streamed = emulator.invoke("{}");
    let id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const headers = { "Lambda-Runtime-Function-Response-Mode": "streaming", "Content-Type": "text/plain" };
    assert.equal((await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { headers, body: "chunk one, chunk two", trailers: {} })).status, 202);
    const ok = await streamed;
    assert.deepEqual([ok.payload.toString(), ok.contentType, ok.streamed, ok.error], ["chunk one, chunk two", "text/plain", true, undefined]);

    const failing = emulator.invoke("{}");
    id = (await httpCall(emulator.url, "GET", NEXT)).headers["lambda-runtime-aws-request-id"] as string;
    const errorBody = Buffer.from('{"errorType":"Error","errorMessage":"stream broke"}').toString("base64");
    await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, {
      headers,
      body: "partial",
      trailers: { "Lambda-Runtime-Function-Error-Type": "Error", "Lambda-Runtime-Function-Error-Body": errorBody },
    });
    assert.deepEqual((await failing).error, { errorType: "Error", errorMessage: "stream broke" });
  });

  it("answers 400 to an unknown response mode and 404/405 to routes it does not have", async () => {
    const mode = await httpCall(emulator.url, "POST", "/2018-06-01/runtime/invocation/x/response", { headers: { "Lambda-Runtime-Function-Response-Mode": "sideways" }, body: "" });
    assert.deepEqual([mode.status, JSON.parse(mode.body).errorType], [400, "InvalidFunctionResponseMode"]);
    assert.equal((await httpCall(emulator.url, "POST", NEXT)).status, 405);
    assert.equal((await httpCall(emulator.url, "GET", "/2018-06-01/runtime/invocation/x/response")).status, 405);
    assert.equal((await httpCall(emulator.url, "GET", "/2018-06-01/runtime/nothing")).status, 404);
  });

  it("refuses /init/error once the runtime has called /next", async () => {
    const reply = await httpCall(emulator.url, "POST", "/2018-06-01/runtime/init/error", { body: '{"errorType":"Late","errorMessage":"too late"}' });
    assert.equal(reply.status, 403);
    assert.equal(JSON.parse(reply.body).errorType, "InvalidStateTransition");
  });
});

describe("Runtime API: init errors and deadlines", () => {
  it("serves a posted /init/error to the invocation waiting for the runtime", async () => {
    const emulator = await startIdle();
    try {
      const invoked = emulator.invoke("{}");
      const document = '{"errorType":"Runtime.ImportModuleError","errorMessage":"Cannot find module \'pg\'"}';
      const reply = await httpCall(emulator.url, "POST", "/2018-06-01/runtime/init/error", { body: document, headers: { "Lambda-Runtime-Function-Error-Type": "Runtime.ImportModuleError" } });
      assert.equal(reply.status, 202);
      const result = await invoked;
      assert.equal(result.phase, "init");
      assert.equal(result.payload.toString(), document);
      assert.equal(result.error?.errorType, "Runtime.ImportModuleError");
    } finally {
      await emulator.close();
    }
  });

  it("times out an invocation at its deadline with Sandbox.Timedout and replaces the process", async () => {
    const emulator = await startIdle(0.3);
    try {
      const firstPid = emulator.pid;
      const invoked = emulator.invoke("{}");
      const next = await httpCall(emulator.url, "GET", NEXT);
      const id = next.headers["lambda-runtime-aws-request-id"] as string;
      const result = await invoked;
      assert.deepEqual(result.error, { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${id} Error: Task timed out after 0.30 seconds` });
      assert.ok(result.durationMs >= 290, `timed out after ${result.durationMs} ms`);
      const late = await httpCall(emulator.url, "POST", `/2018-06-01/runtime/invocation/${id}/response`, { body: "{}" });
      assert.equal(late.status, 403, "a response after the deadline is refused");
      const replacement = await eventually(() => (emulator.pid !== firstPid ? emulator.pid : undefined), "a new function process");
      assert.equal(isAlive(firstPid!), false, "the timed-out process was killed");
      assert.ok(isAlive(replacement));
    } finally {
      await emulator.close();
    }
  });
});
