import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { toErrorResponse } from "../../runtime/error-response.js";
import { issuesUnder } from "../../runtime/decode/index.js";
import { onOrderMessage } from "../generated/index.js";
import { orderBody, sqsEvent } from "./support/events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// Values thrown by user code that cannot be turned into text the usual way: describing them must never throw.

const nullPrototype = () => Object.create(null) as object;
const throwingToString = () => ({ toString: () => { throw new Error("toString refuses"); } });
const throwingGetters = () => {
  const error = new Error("hidden");
  Object.defineProperty(error, "message", { get: () => { throw new Error("message refuses"); } });
  Object.defineProperty(error, "name", { get: () => { throw new Error("name refuses"); } });
  return error;
};

describe("describing hostile thrown values", () => {
  let loop: KataLoop;
  const processed: string[] = [];
  before(async () => {
    const handler = onOrderMessage(async (message) => {
      if (message.quantity === 13) throw nullPrototype();
      if (message.quantity === 14) throw throwingToString();
      if (message.quantity === 15) throw throwingGetters();
      processed.push(message.orderId);
    });
    loop = await runUnderKata(handler);
  });
  after(() => loop.stop());

  it("reports only the SQS records whose fn threw, however odd the thrown value, and keeps the ones that succeeded", async () => {
    const event = sqsEvent([orderBody("ord-0"), orderBody("ord-1", 13), orderBody("ord-2", 14), orderBody("ord-3", 15), orderBody("ord-4")]);
    const outcome = await loop.invoke(event, "sqs-hostile");
    assert.equal(outcome.kind, "response", outcome.body.toString());
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "msg-1" }, { itemIdentifier: "msg-2" }, { itemIdentifier: "msg-3" }] });
    assert.deepEqual(processed, ["ord-0", "ord-4"]);
    const lines = loop.logs.filter((line) => line.includes('"reason":"handler-error"')).map((line) => JSON.parse(line.slice(line.indexOf("{"))));
    assert.deepEqual(lines.map((line) => [line.messageId, line.errorType]), [["msg-1", "object"], ["msg-2", "object"], ["msg-3", "Error"]]);
    assert.equal(lines[0].errorMessage, "{}");
    assert.equal(lines[1].errorMessage, "{}");
    assert.equal(lines[2].errorMessage, "");
  });

  it("turns them into an /error body and problem issues without throwing", () => {
    assert.deepEqual(toErrorResponse(nullPrototype()), { errorType: "object", errorMessage: "{}", stackTrace: [] });
    const cyclicWithThrowingToString = throwingToString() as Record<string, unknown>;
    cyclicWithThrowingToString.self = cyclicWithThrowingToString; // JSON.stringify and String both throw
    assert.deepEqual(toErrorResponse(cyclicWithThrowingToString), { errorType: "object", errorMessage: "[object Object]", stackTrace: [] });
    const hostile = toErrorResponse(throwingGetters());
    assert.deepEqual([hostile.errorType, hostile.errorMessage], ["Error", ""]);
    assert.deepEqual(issuesUnder("/body", nullPrototype()), [{ path: "/body", message: "could not be decoded: {}" }]);
  });
});

describe("a plain handler that throws Object.create(null) under kata's loop", () => {
  it("posts an /error whose type is the value's type", async () => {
    const loop = await runUnderKata(async () => {
      throw nullPrototype();
    });
    try {
      const outcome = await loop.invoke({}, "plain-hostile");
      assert.equal(outcome.kind, "error");
      assert.deepEqual(outcome.json, { errorType: "object", errorMessage: "{}", stackTrace: [] });
      assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.object");
    } finally {
      await loop.stop();
    }
  });
});
