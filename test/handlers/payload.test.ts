import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { onSQS } from "../../handlers/index.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { kataContext } from "../../runtime/kata-context.js";
import { KATA_HANDLER, kataHooksOf } from "../../runtime/typed-handler.js";
import { asDelivered, managedContext } from "./support/context.js";
import { onReindex } from "../generated/index.js";
import { sqsEvent } from "./support/events.js";

describe("plain payload handler", () => {
  it("passes the validated payload and returns fn's result", async () => {
    const handler = onReindex(async (payload, context) => ({ reindexed: payload.index, since: payload.since ?? null, by: context.awsRequestId }));
    assert.deepEqual(await handler({ index: "orders", since: "2024-11-01" }, managedContext("req-sfn")), { reindexed: "orders", since: "2024-11-01", by: "req-sfn" });
  });

  it("rejects an invalid payload with a DecodeError naming the pointer, without calling fn", async () => {
    const handler = onReindex(() => assert.fail("fn must not run"));
    await assert.rejects(handler({ index: "products" }, managedContext()), (error: unknown) => {
      assert.ok(error instanceof DecodeError);
      assert.equal(error.typeName, "Reindex");
      assert.deepEqual(error.issues.map((issue) => issue.path), ["/index"]);
      return true;
    });
  });

  it("carries hooks that decode raw bytes once and then handle without validating again", async () => {
    const handler = onReindex(async (payload) => payload.index);
    const hooks = kataHooksOf(handler);
    assert.ok(hooks);
    assert.equal(hooks, handler[KATA_HANDLER]);
    const event = hooks.decode(new TextEncoder().encode('{"index":"customers"}'));
    assert.deepEqual(event, { index: "customers" });
    assert.equal(await hooks.handle(event, kataContext(managedContext())), "customers");
    assert.throws(() => hooks.decode(new TextEncoder().encode('{"index":')), (error: unknown) => error instanceof DecodeError && error.issues[0]?.path === "");
  });
});

describe("onSQS", () => {
  it("passes each record's body as the text that was sent", async () => {
    const bodies: string[] = [];
    const handler = onSQS((body, record) => {
      assert.equal(record.body, body);
      bodies.push(body);
    });
    assert.deepEqual(await handler(asDelivered(sqsEvent(["hello", "{not json"])), managedContext()), { batchItemFailures: [] });
    assert.deepEqual(bodies, ["hello", "{not json"]);
  });
});
