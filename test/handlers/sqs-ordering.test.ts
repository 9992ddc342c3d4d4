import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { HandlerOptionsError, type SQSRecordFailure } from "../../handlers/index.js";
import { asDelivered, managedContext } from "./support/context.js";
import { onOrderMessage } from "../generated/index.js";
import { FIFO_QUEUE, orderBody, sqsEvent } from "./support/events.js";

const ids = (...indexes: number[]) => indexes.map((index) => ({ itemIdentifier: `msg-${index}` }));

/** Counts how many calls of `fn` overlap, and in which order they started. */
function inFlightProbe(delayMs: number, failOn: Set<string> = new Set()) {
  const probe = { started: [] as string[], inFlight: 0, maxInFlight: 0 };
  const fn = async (message: { orderId: string }) => {
    probe.started.push(message.orderId);
    probe.maxInFlight = Math.max(probe.maxInFlight, ++probe.inFlight);
    try {
      await sleep(delayMs);
      if (failOn.has(message.orderId)) throw new Error(`cannot ship ${message.orderId}`);
    } finally {
      probe.inFlight--;
    }
  };
  return { probe, fn };
}

describe("SQS FIFO ordering", () => {
  it("stops at the first failure in the middle and reports that record and every later one", async () => {
    const failures: SQSRecordFailure[] = [];
    const { probe, fn } = inFlightProbe(1, new Set(["ord-2"]));
    const handler = onOrderMessage(fn, { onRecordFailure: (f) => void failures.push(f), concurrency: 4 });
    const bodies = [1, 2, 3, 4, 5].map((n) => ({ body: orderBody(`ord-${n}`), group: n % 2 === 0 ? "even" : "odd" }));
    const result = await handler(asDelivered(sqsEvent(bodies, FIFO_QUEUE)), managedContext());
    assert.deepEqual(result, { batchItemFailures: ids(1, 2, 3, 4) });
    assert.deepEqual(probe.started, ["ord-1", "ord-2"], "records after the failure are not processed");
    assert.equal(probe.maxInFlight, 1, "a FIFO batch runs one record at a time whatever the concurrency");
    assert.deepEqual(
      failures.map((f) => [f.messageId, f.reason, f.reason === "skipped" ? f.blockedBy : undefined]),
      [
        ["msg-1", "handler-error", undefined],
        ["msg-2", "skipped", "msg-1"],
        ["msg-3", "skipped", "msg-1"],
        ["msg-4", "skipped", "msg-1"],
      ],
    );
  });

  it("treats a body that fails to decode as the failure that stops a FIFO batch", async () => {
    const { probe, fn } = inFlightProbe(0);
    const handler = onOrderMessage(fn, { onRecordFailure: () => {} });
    const result = await handler(asDelivered(sqsEvent([orderBody("ord-1"), "{}", orderBody("ord-3")], FIFO_QUEUE)), managedContext());
    assert.deepEqual(result, { batchItemFailures: ids(1, 2) });
    assert.deepEqual(probe.started, ["ord-1"]);
  });

  it("with fifo: per-group, holds back only the later records of the failed record's MessageGroupId", async () => {
    const { probe, fn } = inFlightProbe(1, new Set(["ord-3"]));
    const handler = onOrderMessage(fn, { fifo: "per-group", onRecordFailure: () => {} });
    const groups = ["a", "b", "a", "b", "a", "c"];
    const event = sqsEvent(groups.map((group, i) => ({ body: orderBody(`ord-${i + 1}`), group })), FIFO_QUEUE);
    const result = await handler(asDelivered(event), managedContext());
    assert.deepEqual(result, { batchItemFailures: ids(2, 4) });
    assert.deepEqual(probe.started, ["ord-1", "ord-3", "ord-2", "ord-4", "ord-6"], "groups run one after another, each in order");
  });

  it("with fifo: per-group and a concurrency, runs groups side by side but each group in order", async () => {
    const order: string[] = [];
    const { probe, fn } = inFlightProbe(5);
    const handler = onOrderMessage(
      async (message) => {
        await fn(message);
        order.push(message.orderId);
      },
      { fifo: "per-group", concurrency: 2 },
    );
    const groups = ["a", "b", "a", "b", "a", "b"];
    const event = sqsEvent(groups.map((group, i) => ({ body: orderBody(`ord-${i + 1}`), group })), FIFO_QUEUE);
    assert.deepEqual(await handler(asDelivered(event), managedContext()), { batchItemFailures: [] });
    assert.equal(probe.maxInFlight, 2);
    assert.deepEqual(order.filter((id) => ["ord-1", "ord-3", "ord-5"].includes(id)), ["ord-1", "ord-3", "ord-5"]);
    assert.deepEqual(order.filter((id) => ["ord-2", "ord-4", "ord-6"].includes(id)), ["ord-2", "ord-4", "ord-6"]);
  });
});

describe("SQS standard queue concurrency", () => {
  it("runs records one at a time, in order, by default", async () => {
    const { probe, fn } = inFlightProbe(1);
    const handler = onOrderMessage(fn);
    const result = await handler(asDelivered(sqsEvent([1, 2, 3, 4].map((n) => orderBody(`ord-${n}`)))), managedContext());
    assert.deepEqual(result, { batchItemFailures: [] });
    assert.deepEqual(probe.started, ["ord-1", "ord-2", "ord-3", "ord-4"]);
    assert.equal(probe.maxInFlight, 1);
  });

  it("runs up to `concurrency` records at once and still reports exactly the failed ones, in record order", async () => {
    const { probe, fn } = inFlightProbe(10, new Set(["ord-3", "ord-8"]));
    const handler = onOrderMessage(fn, { concurrency: 3, onRecordFailure: () => {} });
    const bodies = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => orderBody(`ord-${n}`));
    bodies[5] = "not json";
    const result = await handler(asDelivered(sqsEvent(bodies)), managedContext());
    assert.equal(probe.maxInFlight, 3);
    assert.deepEqual(result, { batchItemFailures: ids(2, 5, 7) });
    assert.deepEqual([...probe.started].sort(), ["ord-1", "ord-10", "ord-2", "ord-3", "ord-4", "ord-5", "ord-7", "ord-8", "ord-9"]);
  });

  it("rejects a concurrency or fifo option it cannot honour when the handler is created", () => {
    assert.throws(() => onOrderMessage(() => {}, { concurrency: 0 }), { name: "HandlerOptionsError", message: /onOrderMessage: options.concurrency must be a whole number >= 1 \(got 0\)/ });
    assert.throws(() => onOrderMessage(() => {}, { concurrency: 1.5 }), HandlerOptionsError);
    assert.throws(() => onOrderMessage(() => {}, { fifo: "strict" as "batch" }), { message: /options.fifo must be "batch" or "per-group" \(got "strict"\)/ });
  });
});
