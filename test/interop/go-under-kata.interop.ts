import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { freePort, makeProject, runCli, RunningCli } from "../cli/run-cli.js";
import { httpCall, type HttpReply } from "../emulator/http-client.js";
import { peer, withoutPeers } from "./support/peers.js";

/**
 * An aws-lambda-go 1.54 function (`go-fn/bootstrap`; `_HANDLER` picks its behaviour) under
 * `kata serve --exec` and `kata invoke --exec`, answered as AWS's Invoke API answers: 200 every
 * time, with `X-Amz-Function-Error: Unhandled` and the error document when the function failed.
 */
const INVOKE = "/2015-03-31/functions/function/invocations";
const TIMEOUT_SECONDS = 2;
const cwd = makeProject({});
after(() => cwd.remove());

async function serving<T>(handler: string, use: (invoke: (event: unknown) => Promise<HttpReply>, serve: RunningCli) => Promise<T>): Promise<T> {
  const port = await freePort();
  const serve = new RunningCli(["serve", handler, "--exec", peer("go-fn/bootstrap"), "--port", String(port), "--timeout", String(TIMEOUT_SECONDS)], cwd.dir);
  try {
    await serve.waitForStderr(/is listening on/, 15_000);
    return await use((event) => httpCall(`http://127.0.0.1:${port}`, "POST", INVOKE, { body: JSON.stringify(event) }), serve);
  } finally {
    await serve.stop();
  }
}

function assertFailed(reply: HttpReply, body: Record<string, unknown>): void {
  assert.equal(reply.status, 200, "the Invoke API answers 200 when the function fails");
  assert.equal(reply.headers["x-amz-function-error"], "Unhandled");
  assert.equal(reply.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(reply.body), body);
}

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the aws-lambda-go function under kata serve --exec", { skip: withoutPeers, concurrency: true }, () => {
  it("echoes the event with the request id that the Invoke API reports, 20 times in a row from one process", () =>
    serving("echo", async (invoke, serve) => {
      for (let i = 0; i < 20; i++) {
        const reply = await invoke({ n: i });
        assert.equal(reply.status, 200);
        assert.equal(reply.headers["x-amz-function-error"], undefined);
        const body = JSON.parse(reply.body);
        assert.equal(body.requestId, reply.headers["x-amzn-requestid"]);
        assert.match(body.requestId, REQUEST_ID);
        assert.deepEqual([body.ok, body.event, body.functionName, body.memory], [true, { n: i }, "function", 128]);
        assert.equal(body.functionArn, "arn:aws:lambda:us-east-1:123456789012:function:function");
        assert.ok(body.remainingMs > 0 && body.remainingMs <= TIMEOUT_SECONDS * 1000, `remainingMs ${body.remainingMs}`);
      }
      assert.equal(serve.stderr.match(/go bootstrap starting/g)?.length, 1, "one process served all 20");
    }));

  it("answers an errors.New error as errorString", () =>
    serving("error", async (invoke) => assertFailed(await invoke({}), { errorMessage: "something went wrong", errorType: "errorString" })));

  it("answers a typed error with its type name", () =>
    serving("errortyped", async (invoke) => assertFailed(await invoke({}), { errorMessage: "invalid field: a", errorType: "ValidationError" })));

  it("times out as Sandbox.Timedout, then serves from a fresh process", () =>
    serving("sleep", async (invoke, serve) => {
      const reply = await invoke({});
      const requestId = reply.headers["x-amzn-requestid"];
      assertFailed(reply, { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after ${TIMEOUT_SECONDS}.00 seconds` });
      await serve.waitForStderr(/go bootstrap starting[^]*go bootstrap starting/, 15_000);
    }));

  it("answers a panic with the error aws-lambda-go reports (type, message, stack)", () =>
    serving("panic", async (invoke) => {
      const reply = await invoke({});
      assert.equal(reply.status, 200);
      assert.equal(reply.headers["x-amz-function-error"], "Unhandled");
      const error = JSON.parse(reply.body);
      assert.deepEqual([error.errorMessage, error.errorType], ["kaboom", "string"]);
      assert.ok(Array.isArray(error.stackTrace) && error.stackTrace.length > 0, "aws-lambda-go sends the panic's stack");
      const again = await invoke({});
      assert.equal(JSON.parse(again.body).errorMessage, "kaboom", "a new process serves the next invocation");
    }));

  it("answers os.Exit as Runtime.ExitError", () =>
    serving("exit", async (invoke) => {
      const reply = await invoke({});
      const requestId = reply.headers["x-amzn-requestid"];
      assertFailed(reply, { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status 3` });
    }));
});

describe("the aws-lambda-go function under kata invoke --exec", { skip: withoutPeers, concurrency: true }, () => {
  it("prints the result and exits 0", async () => {
    const run = await runCli(["invoke", "echo", "--exec", peer("go-fn/bootstrap"), "--event", "-"], { cwd: cwd.dir, input: '{"orderId":"ord-9"}' });
    assert.equal(run.code, 0, run.stderr);
    const body = JSON.parse(run.stdout);
    assert.deepEqual([body.ok, body.event], [true, { orderId: "ord-9" }]);
    assert.match(run.stderr, new RegExp(`START RequestId: ${body.requestId} Version: \\$LATEST\\n[^]*echo handler called, request id ${body.requestId}\\nEND RequestId: ${body.requestId}\\nREPORT RequestId: ${body.requestId}\\t`));
  });

  it("prints the error document and exits 1 with its type and message", async () => {
    const run = await runCli(["invoke", "error", "--exec", peer("go-fn/bootstrap")], { cwd: cwd.dir });
    assert.equal(run.code, 1);
    assert.deepEqual(JSON.parse(run.stdout), { errorMessage: "something went wrong", errorType: "errorString" });
    assert.match(run.stderr, /errorString: something went wrong/);
  });
});
