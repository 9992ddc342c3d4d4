import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DecodeError } from "../../runtime/decode/index.js";
import { KATA_HANDLER, type KataHandlerHooks } from "../../runtime/typed-handler.js";
import { json, runLoop, type LoopUnderTest } from "./harness.js";

describe("a failing invocation is posted to /error and the loop goes on", () => {
  let loop: LoopUnderTest;
  before(async () => {
    loop = await runLoop(async (event: any) => {
      switch (event.do) {
        case "throw-type-error":
          return (undefined as any).missing;
        case "reject-string":
          throw "just a string";
        case "custom-error": {
          const error = new Error("order 7 not found");
          error.name = "OrderNotFound";
          throw error;
        }
        case "circular": {
          const result: any = { id: 1 };
          result.self = result;
          return result;
        }
        case "bigint":
          return { total: 10n };
        default:
          return { fine: event.n };
      }
    });
  });
  after(() => loop.stop());

  it("posts the handler's error with Function.TypeError and the error body", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-1", body: { do: "throw-type-error" }, headers: { "Lambda-Runtime-Invocation-Id": "inv-e-1" } });
    assert.equal(outcome.kind, "error");
    const [post] = loop.api.postsFor("e-1");
    assert.equal(post!.path, "/2018-06-01/runtime/invocation/e-1/error");
    assert.equal(post!.headers["lambda-runtime-function-error-type"], "Function.TypeError");
    assert.equal(post!.headers["content-type"], "application/json");
    assert.equal(post!.headers["lambda-runtime-invocation-id"], "inv-e-1");
    const body = json(outcome.body);
    assert.deepEqual(Object.keys(body), ["errorType", "errorMessage", "stackTrace"]);
    assert.equal(body.errorType, "TypeError");
    assert.match(body.errorMessage, /Cannot read properties of undefined \(reading 'missing'\)/);
    assert.ok(Array.isArray(body.stackTrace) && body.stackTrace.length > 1);
    assert.match(body.stackTrace[0], /^TypeError: Cannot read properties/);
    assert.ok(loop.logs.some((line) => /\te-1\tERROR\tInvoke Error\t\{"errorType":"TypeError"/.test(line)), "the error is logged with its request id");

    const next = await loop.api.enqueue({ requestId: "e-2", body: { n: 2 } });
    assert.equal(next.kind, "response");
    assert.deepEqual(json(next.body), { fine: 2 });
  });

  it("uses the error's name as errorType for custom errors", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-3", body: { do: "custom-error" } });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.OrderNotFound");
    assert.equal(json(outcome.body).errorType, "OrderNotFound");
    assert.equal(json(outcome.body).errorMessage, "order 7 not found");
  });

  it("reports a rejection with a non-Error value by its type", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-4", body: { do: "reject-string" } });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.string");
    assert.deepEqual(json(outcome.body), { errorType: "string", errorMessage: "just a string", stackTrace: [] });
  });

  it("posts Runtime.JSONStringifyError for a circular result instead of crashing", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-5", body: { do: "circular" } });
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.JSONStringifyError");
    const body = json(outcome.body);
    assert.equal(body.errorType, "Runtime.JSONStringifyError");
    assert.match(body.errorMessage, /request e-5: Converting circular structure to JSON/);
  });

  it("posts Runtime.JSONStringifyError for a BigInt result", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-6", body: { do: "bigint" } });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.JSONStringifyError");
    assert.match(json(outcome.body).errorMessage, /BigInt/);
    assert.equal((await loop.api.enqueue({ body: { n: 6 } })).kind, "response");
  });

  it("posts Runtime.MalformedEvent for an event that is not JSON, without calling the handler", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-7", body: "{not json" });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.MalformedEvent");
    assert.match(json(outcome.body).errorMessage, /The event of request e-7 is not valid JSON/);
    assert.equal((await loop.api.enqueue({ body: { n: 7 } })).kind, "response");
  });

  it("posts Runtime.MalformedEvent when a JSON header of the invocation is malformed", async () => {
    const outcome = await loop.api.enqueue({ requestId: "e-8", body: { n: 8 }, headers: { "Lambda-Runtime-Client-Context": "{oops" } });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Runtime.MalformedEvent");
    assert.match(json(outcome.body).errorMessage, /Header lambda-runtime-client-context of request e-8 is not valid JSON/);
  });
});

describe("a handler carrying a kata decoder", () => {
  const decoded: Uint8Array[] = [];
  const handled: unknown[] = [];
  const hooks: KataHandlerHooks<{ quantity: number }> = {
    decode(raw) {
      decoded.push(raw);
      const value = JSON.parse(Buffer.from(raw).toString("utf8"));
      if (typeof value.quantity !== "number") throw new DecodeError("OrderEvent", [{ path: "/quantity", message: "must be number" }]);
      return value;
    },
    async handle(event) {
      handled.push(event);
      return { doubled: event.quantity * 2 };
    },
  };
  const handler = Object.assign(async () => assert.fail("the loop must use the hooks, not the public handler"), { [KATA_HANDLER]: hooks });
  let loop: LoopUnderTest;
  before(async () => {
    loop = await runLoop(handler);
  });
  after(() => loop.stop());

  it("decodes the raw /next bytes and calls handle with the decoded event", async () => {
    const raw = '{ "quantity" : 21 }';
    const outcome = await loop.api.enqueue({ requestId: "k-1", body: raw });
    assert.deepEqual(json(outcome.body), { doubled: 42 });
    assert.equal(Buffer.from(decoded.at(-1)!).toString("utf8"), raw, "decode gets the exact bytes");
    assert.deepEqual(handled.at(-1), { quantity: 21 });
  });

  it("posts a DecodeError with its JSON pointer and never runs the handler", async () => {
    const before = handled.length;
    const outcome = await loop.api.enqueue({ requestId: "k-2", body: { quantity: "lots" } });
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.DecodeError");
    const body = json(outcome.body);
    assert.equal(body.errorType, "DecodeError");
    assert.equal(body.errorMessage, "OrderEvent at /quantity: must be number");
    assert.equal(handled.length, before);
  });
});

describe("a legacy callback-style handler", () => {
  let loop: LoopUnderTest;
  before(async () => {
    loop = await runLoop((event: any, _context: unknown, callback: (error: unknown, result?: unknown) => void) => {
      if (event.fail) setTimeout(() => callback(new RangeError("callback error")), 1);
      else setTimeout(() => callback(null, { viaCallback: event.n + 1 }), 1);
    });
  });
  after(() => loop.stop());

  it("answers with the value passed to the callback", async () => {
    assert.deepEqual(json((await loop.api.enqueue({ body: { n: 1 } })).body), { viaCallback: 2 });
  });

  it("posts the error passed to the callback", async () => {
    const outcome = await loop.api.enqueue({ body: { fail: true } });
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.RangeError");
  });
});
