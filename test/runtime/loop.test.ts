import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { KataContext } from "../../runtime/context.js";
import { json, runLoop, type LoopUnderTest } from "./harness.js";

const NEXT = "/2018-06-01/runtime/invocation/next";

describe("the loop posts results", () => {
  let loop: LoopUnderTest;
  const seen: { event: unknown; context: KataContext; traceEnv: string | undefined }[] = [];
  before(async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = "orders";
    process.env.AWS_LAMBDA_FUNCTION_VERSION = "7";
    process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE = "512";
    process.env.AWS_LAMBDA_LOG_GROUP_NAME = "/aws/lambda/orders";
    process.env.AWS_LAMBDA_LOG_STREAM_NAME = "2026/11/24/[7]abc";
    loop = await runLoop(async (event: any, context: KataContext) => {
      seen.push({ event, context, traceEnv: process.env._X_AMZN_TRACE_ID });
      if (event?.returnNothing) return undefined;
      if (event && typeof event === "object" && "result" in event) return event.result;
      return { ok: true, got: event };
    });
  });
  after(async () => {
    await loop.stop();
    for (const name of ["FUNCTION_NAME", "FUNCTION_VERSION", "FUNCTION_MEMORY_SIZE", "LOG_GROUP_NAME", "LOG_STREAM_NAME"]) delete process.env[`AWS_LAMBDA_${name}`];
  });

  it("long-polls GET /next and posts the JSON result to /response", async () => {
    const outcome = await loop.api.enqueue({ requestId: "a-1", body: { n: 1 } });
    assert.equal(outcome.kind, "response");
    assert.deepEqual(json(outcome.body), { ok: true, got: { n: 1 } });
    const posted = loop.api.postsFor("a-1");
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.method, "POST");
    assert.equal(posted[0]!.path, "/2018-06-01/runtime/invocation/a-1/response");
    assert.equal(posted[0]!.headers["content-type"], "application/json");
    assert.equal(posted[0]!.headers["lambda-runtime-invocation-id"], undefined);
    const polls = loop.api.requests.filter((r) => r.path === NEXT);
    assert.ok(polls.length >= 1);
    assert.equal(polls[0]!.method, "GET");
    assert.equal(polls[0]!.body.length, 0);
  });

  it("serializes results as the managed runtime does: a string as a JSON string, undefined as null", async () => {
    assert.equal((await loop.api.enqueue({ body: { result: "plain text" } })).body.toString(), '"plain text"');
    assert.equal((await loop.api.enqueue({ body: { result: null } })).body.toString(), "null");
    assert.equal((await loop.api.enqueue({ body: '{"result":42}' })).body.toString(), "42");
    assert.equal((await loop.api.enqueue({ body: { returnNothing: true } })).body.toString(), "null");
  });

  it("builds the context from the invocation headers and the function's environment", async () => {
    const deadlineMs = Date.now() + 60_000;
    await loop.api.enqueue({
      requestId: "ctx-1",
      body: {},
      deadlineMs,
      headers: {
        "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:eu-west-1:111122223333:function:orders:live",
        "Lambda-Runtime-Trace-Id": "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
        "Lambda-Runtime-Client-Context": JSON.stringify({ client: { installation_id: "i-1" }, custom: { plan: "pro" }, env: { locale: "fr" } }),
        "Lambda-Runtime-Cognito-Identity": JSON.stringify({ cognitoIdentityId: "eu-west-1:abc", cognitoIdentityPoolId: "eu-west-1:pool" }),
        "Lambda-Runtime-Aws-Tenant-Id": "tenant-42",
      },
    });
    const { context, traceEnv } = seen.at(-1)!;
    assert.equal(context.awsRequestId, "ctx-1");
    assert.equal(context.invokedFunctionArn, "arn:aws:lambda:eu-west-1:111122223333:function:orders:live");
    assert.equal(context.functionName, "orders");
    assert.equal(context.functionVersion, "7");
    assert.equal(context.memoryLimitInMB, "512");
    assert.equal(context.logGroupName, "/aws/lambda/orders");
    assert.equal(context.logStreamName, "2026/11/24/[7]abc");
    assert.equal(context.deadlineMs, deadlineMs);
    assert.equal(context.traceId, "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
    assert.equal(traceEnv, context.traceId, "with concurrency 1 the trace id is copied to _X_AMZN_TRACE_ID");
    assert.equal(context.tenantId, "tenant-42");
    assert.deepEqual(context.clientContext, { client: { installation_id: "i-1" }, custom: { plan: "pro" }, env: { locale: "fr" } });
    assert.deepEqual(context.identity, { cognitoIdentityId: "eu-west-1:abc", cognitoIdentityPoolId: "eu-west-1:pool" });
    const remaining = context.getRemainingTimeInMillis();
    assert.ok(remaining > 50_000 && remaining <= 60_000, `remaining ${remaining}`);
    assert.equal(context.signal.aborted, false);
  });

  it("aborts context.signal at the deadline", async () => {
    await loop.api.enqueue({ requestId: "sig-1", body: {}, deadlineMs: Date.now() + 30 });
    const { context } = seen.at(-1)!;
    const signal = context.signal;
    assert.equal(signal.aborted, false);
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    assert.equal(signal.aborted, true);
    assert.equal(context.getRemainingTimeInMillis(), 0);
  });

  it("echoes Lambda-Runtime-Invocation-Id on the response post", async () => {
    const outcome = await loop.api.enqueue({ requestId: "inv-1", body: {}, headers: { "Lambda-Runtime-Invocation-Id": "invocation-9" } });
    assert.equal(outcome.headers["lambda-runtime-invocation-id"], "invocation-9");
  });

  it("accepts a /next answer without Content-Type and with a chunked body", async () => {
    const outcome = await loop.api.enqueue({ requestId: "chunked-1", body: { big: "x".repeat(10_000) }, contentType: null, chunked: true });
    assert.deepEqual(json(outcome.body), { ok: true, got: { big: "x".repeat(10_000) } });
  });

  it("clears _X_AMZN_TRACE_ID for an invocation without a trace header", async () => {
    await loop.api.enqueue({ requestId: "traced", body: {} });
    assert.match(seen.at(-1)!.traceEnv ?? "", /^Root=/);
    await loop.api.enqueue({ requestId: "no-trace", body: {}, headers: { "Lambda-Runtime-Trace-Id": null } });
    assert.equal(seen.at(-1)!.context.traceId, undefined);
    assert.equal(seen.at(-1)!.traceEnv, undefined, "a previous invocation's trace id must not linger");
  });
});
