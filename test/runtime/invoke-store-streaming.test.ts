import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { functionUrlEvent } from "../http/events.js";
import { spawnAgainstMock } from "./harness.js";

// With AWS_LAMBDA_MAX_CONCURRENCY set, kata-runtime creates `globalThis.awslambda` to hold
// InvokeStore; kata/http must still stream through kata's loop, not refuse to load as if the
// global were a managed runtime's without streamifyResponse.
describe("kata-runtime with AWS_LAMBDA_MAX_CONCURRENCY and a streaming kata/http handler", () => {
  it("loads, and answers over the streaming response with kata's own awslambda global in place", async () => {
    const runtime = await spawnAgainstMock(["esm/stream-concurrent.handler"], { AWS_LAMBDA_MAX_CONCURRENCY: "2" });
    const answered = runtime.api.enqueue({ requestId: "req-stream", body: functionUrlEvent({ method: "GET", rawPath: "/ticks" }) });
    const died = runtime.exited.then((exit) => assert.fail(`kata-runtime exited (${exit.code}) before answering: ${exit.stderr}${exit.stdout}`));
    // The mock Runtime API keeps the test process alive until it is closed, failure or not.
    const outcome = await Promise.race([answered, died]).finally(() => runtime.end());
    const exit = await runtime.exited;
    assert.equal(outcome.kind, "response");
    assert.equal(outcome.requestId, "req-stream");
    assert.equal(outcome.headers["lambda-runtime-function-response-mode"], "streaming");
    assert.equal(outcome.headers["content-type"], "application/vnd.awslambda.http-integration-response");
    const delimiter = outcome.body.indexOf(Buffer.alloc(8));
    assert.ok(delimiter > 0, outcome.body.toString("latin1"));
    assert.deepEqual(JSON.parse(outcome.body.subarray(0, delimiter).toString("utf8")), { statusCode: 200, headers: { "content-type": "text/plain" }, cookies: [] });
    assert.equal(outcome.body.subarray(delimiter + 8).toString("utf8"), "streamed /ticks");
    assert.doesNotMatch(exit.stderr + exit.stdout, /StreamingNotSupported|Init Error/);
  });
});
