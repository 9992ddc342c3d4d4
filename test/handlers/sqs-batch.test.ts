import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SQSRecord } from "../../generated/sqs.js";
import type { SQSRecordFailure } from "../../handlers/index.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { asDelivered, managedContext } from "./support/context.js";
import { onOrderMessage, type OrderMessage } from "../generated/index.js";
import { orderBody, sqsEvent } from "./support/events.js";

// The SQS wrapper called the way AWS's managed Node.js runtime calls it: a parsed event.

function collector() {
  const failures: SQSRecordFailure[] = [];
  return { failures, onRecordFailure: (failure: SQSRecordFailure) => void failures.push(failure) };
}

describe("SQS batch handler (called as the managed runtime does)", () => {
  it("calls fn once per record with the parsed body and the record, and reports no failures", async () => {
    const seen: [OrderMessage, SQSRecord<OrderMessage>][] = [];
    const handler = onOrderMessage((message, record) => void seen.push([message, record]));
    const result = await handler(asDelivered(sqsEvent([orderBody("ord-1", 2), orderBody("ord-2", 3)])), managedContext());
    assert.deepEqual(result, { batchItemFailures: [] });
    assert.deepEqual(
      seen.map(([message, record]) => [message, record.messageId, record.body]),
      [
        [{ orderId: "ord-1", quantity: 2 }, "msg-0", { orderId: "ord-1", quantity: 2 }],
        [{ orderId: "ord-2", quantity: 3 }, "msg-1", { orderId: "ord-2", quantity: 3 }],
      ],
    );
  });

  it("reports a record whose body is not JSON, logs its messageId and issue, and never passes it to fn", async () => {
    const { failures, onRecordFailure } = collector();
    const handled: string[] = [];
    const handler = onOrderMessage((message) => void handled.push(message.orderId), { onRecordFailure });
    const result = await handler(asDelivered(sqsEvent([orderBody("ord-1"), "{not json", orderBody("ord-3")])), managedContext("req-json"));
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
    assert.deepEqual(handled, ["ord-1", "ord-3"]);
    assert.equal(failures.length, 1);
    const [failure] = failures;
    assert.equal(failure?.reason, "invalid-body");
    assert.equal(failure?.messageId, "msg-1");
    assert.equal(failure?.pointer, "/Records/1");
    assert.equal(failure?.awsRequestId, "req-json");
    assert.equal(failure?.reason === "invalid-body" && failure.issues[0]?.path, "/Records/1/body");
    assert.match(failure?.reason === "invalid-body" ? (failure.issues[0]?.message ?? "") : "", /is not JSON/);
  });

  it("reports a record whose body fails the schema, with every issue pointing into the event", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderMessage(() => assert.fail("fn must not see an invalid body"), { onRecordFailure });
    const result = await handler(asDelivered(sqsEvent([JSON.stringify({ orderId: "ORD_1", quantity: 0 })])), managedContext());
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "msg-0" }] });
    const failure = failures[0];
    assert.ok(failure?.reason === "invalid-body");
    assert.deepEqual(failure.issues.map((issue) => issue.path).sort(), ["/Records/0/body/orderId", "/Records/0/body/quantity"]);
  });

  it("reports a record whose fn throws, with the error, and keeps handling the others", async () => {
    const { failures, onRecordFailure } = collector();
    const boom = new TypeError("inventory service said no");
    const handled: string[] = [];
    const handler = onOrderMessage(
      (message) => {
        if (message.orderId === "ord-2") throw boom;
        handled.push(message.orderId);
      },
      { onRecordFailure },
    );
    const result = await handler(asDelivered(sqsEvent([orderBody("ord-1"), orderBody("ord-2"), orderBody("ord-3")])), managedContext());
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
    assert.deepEqual(handled, ["ord-1", "ord-3"]);
    assert.deepEqual(failures, [{ reason: "handler-error", error: boom, messageId: "msg-1", pointer: "/Records/1", typeName: "OrderMessage", awsRequestId: "managed-req-1" }]);
  });

  it("reports every record when every record fails, without throwing", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderMessage(
      async () => {
        throw new Error("downstream is down");
      },
      { onRecordFailure },
    );
    const result = await handler(asDelivered(sqsEvent([orderBody("ord-1"), "", orderBody("ord-3"), "[]"])), managedContext());
    assert.deepEqual(result, { batchItemFailures: ["msg-0", "msg-1", "msg-2", "msg-3"].map((itemIdentifier) => ({ itemIdentifier })) });
    assert.deepEqual(
      failures.map((f) => f.reason),
      ["handler-error", "invalid-body", "handler-error", "invalid-body"],
    );
  });

  it("answers an empty batch with no failures", async () => {
    const handler = onOrderMessage(() => assert.fail("no records"));
    assert.deepEqual(await handler({ Records: [] }, managedContext()), { batchItemFailures: [] });
  });

  it("fails the whole invocation with a DecodeError when the event is not an SQS event", async () => {
    const handler = onOrderMessage(() => assert.fail("fn must not run"));
    const notSqs = { Records: [{ messageId: "msg-0", body: orderBody("ord-1") }] };
    await assert.rejects(handler(notSqs, managedContext()), (error: unknown) => {
      assert.ok(error instanceof DecodeError);
      assert.equal(error.typeName, "SQSEvent");
      assert.ok(error.issues.some((issue) => issue.path.startsWith("/Records/0/")));
      return true;
    });
  });

  it("writes one JSON line per failed record to stderr by default", async (t) => {
    const lines: string[] = [];
    t.mock.method(console, "error", (line: string) => void lines.push(line));
    const handler = onOrderMessage(() => {});
    await handler(asDelivered(sqsEvent([orderBody("ord-1"), JSON.stringify({ orderId: "ord-2" })])), managedContext("req-log"));
    assert.equal(lines.length, 1);
    const entry = JSON.parse(lines[0] as string);
    assert.equal(entry.level, "ERROR");
    assert.equal(entry.reason, "invalid-body");
    assert.equal(entry.messageId, "msg-1");
    assert.equal(entry.awsRequestId, "req-log");
    assert.deepEqual(entry.issues, [{ path: "/Records/1/body/quantity", message: "is required but missing" }]);
    assert.match(entry.message, /not a valid OrderMessage.*dead-letter queue/);
  });
});
