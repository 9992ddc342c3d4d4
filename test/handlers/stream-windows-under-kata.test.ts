import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { onOrderItemTotals, onOrderTotals } from "../generated/sources/index.js";
import { dynamodbEvent, kinesisEvent, orderImage, WINDOW, windowed } from "./support/stream-events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// The tumbling window handlers under kata's own loop: raw event bytes from a real (mock) Runtime API.

const order = (orderId: string, quantity = 1) => ({ orderId, quantity });
const orders = (count: number, unlucky?: number) => Array.from({ length: count }, (_, i) => order(`ord-${i + 1}`, i + 1 === unlucky ? 13 : 1));

interface Totals {
  count: number;
  quantity: number;
}

describe("Kinesis tumbling window handler under kata's start", () => {
  const reduced: string[] = [];
  const ends: unknown[] = [];
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      onOrderTotals({
        initial: (): Totals => ({ count: 0, quantity: 0 }),
        reduce: (state, data) => {
          reduced.push(data.orderId);
          if (data.quantity === 13) throw new Error(`unlucky ${data.orderId}`);
          if (data.orderId === "ord-big") return { ...state, padding: "x".repeat(1_100_000) };
          return { count: state.count + 1, quantity: state.quantity + data.quantity };
        },
        onWindowEnd: (state, window) => void ends.push({ state, window }),
      }),
    );
  });
  after(() => loop.stop());

  it("answers the state after the records of a batch, threading the state Lambda passed", async () => {
    reduced.length = 0;
    const outcome = await loop.invoke(windowed(kinesisEvent(orders(3)), { state: { count: 2, quantity: 5 } }), "window-ok");
    assert.equal(outcome.kind, "response");
    assert.equal(loop.api.postsFor("window-ok")[0]?.path, "/2018-06-01/runtime/invocation/window-ok/response");
    assert.deepEqual(outcome.json, { state: { count: 5, quantity: 8 }, batchItemFailures: [] });
    assert.deepEqual(reduced, ["ord-1", "ord-2", "ord-3"]);
  });

  it("stops at the 3rd of 5 records when it throws: answers its sequence number and the state before it, and logs it", async () => {
    reduced.length = 0;
    const outcome = await loop.invoke(windowed(kinesisEvent(orders(5, 3))), "window-mid");
    assert.deepEqual(outcome.json, { state: { count: 2, quantity: 2 }, batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(reduced, ["ord-1", "ord-2", "ord-3"]);
    const logged = loop.logs.filter((line) => line.includes("window-mid"));
    assert.ok(logged.some((line) => line.includes('"sequenceNumber":"seq-2"') && line.includes('"notProcessed":2') && line.includes("unlucky ord-3")), logged.join("\n"));
  });

  it("answers a first record that fails to decode with the state it was given, logging the pointer inside its data", async () => {
    reduced.length = 0;
    const outcome = await loop.invoke(windowed(kinesisEvent([{ orderId: "ORD" }, ...orders(2)]), { state: { count: 1, quantity: 1 } }), "window-bad");
    assert.deepEqual(outcome.json, { state: { count: 1, quantity: 1 }, batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.deepEqual(reduced, []);
    assert.ok(loop.logs.some((line) => line.includes("window-bad") && line.includes('"path":"/Records/0/kinesis/data/orderId"')));
  });

  it("calls onWindowEnd on the final invocation with no records, and answers an empty state", async () => {
    ends.length = 0;
    const outcome = await loop.invoke(windowed(kinesisEvent([]), { state: { count: 9, quantity: 12 }, final: true }));
    assert.deepEqual(outcome.json, { state: {}, batchItemFailures: [] });
    assert.deepEqual(ends, [
      {
        state: { count: 9, quantity: 12 },
        window: { ...WINDOW, isFinal: true, terminatedEarly: false, shardId: "shardId-000000000006", eventSourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders" },
      },
    ]);
  });

  it("fails the invocation with WindowStateTooLargeError when the state would pass 1 MB", async () => {
    const outcome = await loop.invoke(windowed(kinesisEvent([order("ord-big")])), "window-big");
    assert.equal(outcome.kind, "error");
    assert.equal(loop.api.postsFor("window-big")[0]?.path, "/2018-06-01/runtime/invocation/window-big/error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.WindowStateTooLargeError");
    assert.equal(outcome.json.errorType, "WindowStateTooLargeError");
    assert.match(outcome.json.errorMessage, /^Kinesis window state for shard shardId-000000000006, window 2020-12-09T07:04:00Z to 2020-12-09T07:06:00Z, is 1100037 bytes as JSON/);
  });

  it("fails the invocation with a DecodeError when the event is not a window event", async () => {
    const outcome = await loop.invoke(kinesisEvent(orders(1)));
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.DecodeError");
    assert.match(outcome.json.errorMessage, /^KinesisStreamTumblingWindowEvent at \/window: is required but missing/);
  });
});

describe("DynamoDB Streams tumbling window handler under kata's start", () => {
  it("reduces the decoded images and stops at the first failure with the state before it", async () => {
    const loop = await runUnderKata(
      onOrderItemTotals({
        initial: (): Totals => ({ count: 0, quantity: 0 }),
        reduce: (state, record) => {
          const item = record.dynamodb.NewImage!;
          if (item.quantity === 13) throw new Error("unlucky");
          return { count: state.count + 1, quantity: state.quantity + item.quantity };
        },
      }),
    );
    try {
      const images = [orderImage("ord-1", 2), orderImage("ord-2", 3), orderImage("ord-3", 13), orderImage("ord-4")];
      assert.deepEqual((await loop.invoke(windowed(dynamodbEvent(images)), "ddb-window")).json, { state: { count: 2, quantity: 5 }, batchItemFailures: [{ itemIdentifier: "seq-2" }] });
      assert.equal(loop.api.postsFor("ddb-window")[0]?.path, "/2018-06-01/runtime/invocation/ddb-window/response");
      const outcome = await loop.invoke(windowed(dynamodbEvent([orderImage("ord-1"), { ...orderImage("ord-2"), quantity: { N: true } }]), { state: { count: 7, quantity: 7 } }), "ddb-window-bad");
      assert.deepEqual(outcome.json, { state: { count: 8, quantity: 8 }, batchItemFailures: [{ itemIdentifier: "seq-1" }] });
      assert.ok(loop.logs.some((line) => line.includes("ddb-window-bad") && line.includes('"path":"/Records/1/dynamodb/NewImage/quantity"')));
    } finally {
      await loop.stop();
    }
  });
});
