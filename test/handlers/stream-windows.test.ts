import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { StreamRecordFailure } from "../../handlers/stream-batch.js";
import type { TumblingWindow } from "../../handlers/stream-window.js";
import { WINDOW_STATE_LIMIT, WindowStateTooLargeError } from "../../handlers/kinesis-window.js";
import { decodeOrderItemTotalsEvent, decodeOrderTotalsEvent, isOrderItemTotalsEvent, isOrderTotalsEvent, onOrderItemTotals, onOrderTotals } from "../generated/sources/index.js";
import { asDelivered, managedContext } from "./support/context.js";
import { dynamodbEvent, kinesisEvent, orderImage, WINDOW, windowed } from "./support/stream-events.js";

// The tumbling window handlers called the way AWS's managed Node.js runtime calls them: a parsed event.

const order = (orderId: string, quantity = 1) => ({ orderId, quantity });
const orders = (count: number) => Array.from({ length: count }, (_, i) => order(`ord-${i + 1}`, i + 1));

interface Totals {
  count: number;
  quantity: number;
}
const initial = (): Totals => ({ count: 0, quantity: 0 });

function collector() {
  const failures: StreamRecordFailure[] = [];
  return { failures, onRecordFailure: (failure: StreamRecordFailure) => void failures.push(failure) };
}

const windowInfo = (fields: Partial<TumblingWindow> = {}): TumblingWindow => ({
  ...WINDOW,
  isFinal: false,
  terminatedEarly: false,
  shardId: "shardId-000000000006",
  eventSourceARN: "arn:aws:kinesis:us-east-1:123456789012:stream/orders",
  ...fields,
});

describe("Kinesis tumbling window handler", () => {
  it("runs the records in order, each reduce getting the state the one before returned", async () => {
    const seen: [Totals, string, string][] = [];
    const handler = onOrderTotals({
      initial,
      reduce: (state, data, record) => {
        seen.push([state, data.orderId, record.kinesis.sequenceNumber]);
        return { count: state.count + 1, quantity: state.quantity + data.quantity };
      },
    });
    const result = await handler(asDelivered(windowed(kinesisEvent(orders(3)))), managedContext());
    assert.deepEqual(result, { state: { count: 3, quantity: 6 }, batchItemFailures: [] });
    assert.deepEqual(seen, [
      [{ count: 0, quantity: 0 }, "ord-1", "seq-0"],
      [{ count: 1, quantity: 1 }, "ord-2", "seq-1"],
      [{ count: 2, quantity: 3 }, "ord-3", "seq-2"],
    ]);
  });

  it("continues from the state Lambda passes, and hands reduce the window", async () => {
    const windows: TumblingWindow[] = [];
    const handler = onOrderTotals({
      initial,
      reduce: (state, data, _record, window) => {
        windows.push(window);
        return { ...state, count: state.count + 1, quantity: state.quantity + data.quantity };
      },
    });
    const result = await handler(asDelivered(windowed(kinesisEvent(orders(2)), { state: { count: 10, quantity: 40 } })), managedContext());
    assert.deepEqual(result, { state: { count: 12, quantity: 43 }, batchItemFailures: [] });
    assert.deepEqual(windows, [windowInfo(), windowInfo()]);
  });

  it("starts a window with initial() when the state is absent or empty, and with {} without initial", async () => {
    const starts: unknown[] = [];
    const handler = onOrderTotals({ initial, reduce: (state) => (starts.push(state), state) });
    await handler(asDelivered(windowed(kinesisEvent(orders(1)))), managedContext());
    await handler(asDelivered(windowed(kinesisEvent(orders(1)), { state: {} })), managedContext());
    assert.deepEqual(starts, [initial(), initial()]);
    const counts = onOrderTotals<Record<string, number>>({ reduce: (state, data) => ({ ...state, [data.orderId]: (state[data.orderId] ?? 0) + data.quantity }) });
    assert.deepEqual(await counts(asDelivered(windowed(kinesisEvent([order("ord-a", 2), order("ord-a", 3)]))), managedContext()), { state: { "ord-a": 5 }, batchItemFailures: [] });
  });

  it("stops at the 3rd of 5 records when it throws: reduce ran for records 1-3, the 3rd is reported, and the state is the one before it", async () => {
    const seen: string[] = [];
    const ends: unknown[] = [];
    const { failures, onRecordFailure } = collector();
    const handler = onOrderTotals(
      {
        initial,
        reduce: (state, data) => {
          seen.push(data.orderId);
          if (data.orderId === "ord-3") throw new Error("ord-3 is unlucky");
          return { count: state.count + 1, quantity: state.quantity + data.quantity };
        },
        onWindowEnd: (state) => void ends.push(state),
      },
      { onRecordFailure },
    );
    // On the window's final invocation too: the window is not complete while a record is to be retried.
    for (const final of [false, true]) {
      seen.length = 0;
      const result = await handler(asDelivered(windowed(kinesisEvent(orders(5)), { state: { count: 7, quantity: 7 }, final })), managedContext("req-w"));
      assert.deepEqual(result, { state: { count: 9, quantity: 10 }, batchItemFailures: [{ itemIdentifier: "seq-2" }] });
      assert.deepEqual(seen, ["ord-1", "ord-2", "ord-3"]);
    }
    assert.deepEqual(ends, []);
    assert.equal(failures[0]!.reason, "handler-error");
    assert.equal(failures[0]!.pointer, "/Records/2");
    assert.equal(failures[0]!.notProcessed, 2);
    assert.equal(failures[0]!.awsRequestId, "req-w");
  });

  it("reports a first record that fails to decode, with its pointer, and answers the state it was given", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderTotals({ initial, reduce: () => assert.fail("reduce must not run") }, { onRecordFailure });
    const result = await handler(asDelivered(windowed(kinesisEvent([order("ord-1", 0), ...orders(2)]), { state: { count: 4, quantity: 9 } })), managedContext());
    assert.deepEqual(result, { state: { count: 4, quantity: 9 }, batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    const failure = failures[0]!;
    assert.ok(failure.reason === "invalid-payload");
    assert.deepEqual(failure.issues.map((issue) => issue.path), ["/Records/0/kinesis/data/quantity"]);
  });

  it("fails a record whose reduce changes the state in place, and keeps the state from before it", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderTotals(
      {
        initial,
        reduce: (state, data) => {
          if (data.orderId === "ord-2") (state as Totals).count++;
          return { count: state.count + 1, quantity: state.quantity + data.quantity };
        },
      },
      { onRecordFailure },
    );
    const result = await handler(asDelivered(windowed(kinesisEvent(orders(3)))), managedContext());
    assert.deepEqual(result, { state: { count: 1, quantity: 1 }, batchItemFailures: [{ itemIdentifier: "seq-1" }] });
    assert.ok(failures[0]!.reason === "handler-error" && failures[0]!.error instanceof TypeError);
  });

  it("fails a record whose reduce returns no state", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderTotals({ initial, reduce: (state, data) => (data.orderId === "ord-2" ? (undefined as never) : state) }, { onRecordFailure });
    const result = await handler(asDelivered(windowed(kinesisEvent(orders(3)))), managedContext());
    assert.deepEqual(result, { state: initial(), batchItemFailures: [{ itemIdentifier: "seq-1" }] });
    assert.ok(failures[0]!.reason === "handler-error");
    assert.match(String(failures[0]!.error), /reduce returned undefined, not the window's new state/);
  });

  it("on the final invocation with no records, calls onWindowEnd with the state and the window, and answers an empty state", async () => {
    const ends: [unknown, TumblingWindow][] = [];
    const handler = onOrderTotals({ initial, reduce: () => assert.fail("no records"), onWindowEnd: (state, window) => void ends.push([state, window]) });
    const result = await handler(asDelivered(windowed(kinesisEvent([]), { state: { count: 3, quantity: 6 }, final: true })), managedContext());
    assert.deepEqual(result, { state: {}, batchItemFailures: [] });
    assert.deepEqual(ends, [[{ count: 3, quantity: 6 }, windowInfo({ isFinal: true })]]);
  });

  it("on a final invocation with records, calls onWindowEnd after the last record; and when Lambda ended the window early", async () => {
    const ends: unknown[] = [];
    const handler = onOrderTotals({ initial, reduce: (state, data) => ({ count: state.count + 1, quantity: state.quantity + data.quantity }), onWindowEnd: (state) => void ends.push(state) });
    assert.deepEqual(await handler(asDelivered(windowed(kinesisEvent(orders(2)), { final: true })), managedContext()), { state: {}, batchItemFailures: [] });
    assert.deepEqual(await handler(asDelivered(windowed(kinesisEvent(orders(1)), { state: { count: 5, quantity: 5 }, early: true })), managedContext()), { state: {}, batchItemFailures: [] });
    assert.deepEqual(ends, [{ count: 2, quantity: 3 }, { count: 6, quantity: 6 }]);
  });

  it("fails the invocation when onWindowEnd throws, so that Lambda retries the final invocation", async () => {
    const handler = onOrderTotals({ initial, reduce: (state) => state, onWindowEnd: () => Promise.reject(new Error("store down")) });
    await assert.rejects(handler(asDelivered(windowed(kinesisEvent(orders(1)), { final: true })), managedContext()), /store down/);
  });

  it("fails the invocation with WindowStateTooLargeError, naming the shard, the window and the size, when the state passes 1 MB", async () => {
    const handler = onOrderTotals<{ log: string[] }>({ initial: () => ({ log: [] }), reduce: (state) => ({ log: [...state.log, "x".repeat(400_000)] }) });
    const under = await handler(asDelivered(windowed(kinesisEvent(orders(2)))), managedContext());
    assert.equal((under.state as { log: string[] }).log.length, 2);
    const error: unknown = await handler(asDelivered(windowed(kinesisEvent(orders(3)))), managedContext()).then(
      () => assert.fail("must reject"),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof WindowStateTooLargeError);
    const bytes = JSON.stringify({ log: Array(3).fill("x".repeat(400_000)) }).length;
    assert.equal(error.bytes, bytes);
    assert.equal(error.limit, WINDOW_STATE_LIMIT);
    assert.ok(error.message.startsWith(`Kinesis window state for shard shardId-000000000006, window 2020-12-09T07:04:00Z to 2020-12-09T07:06:00Z, is ${bytes} bytes as JSON; Lambda keeps at most 1048576 bytes`), error.message);
  });

  it("counts the state's size in UTF-8 bytes", async () => {
    // 400,000 three-byte characters: 1.2 MB as UTF-8, though the string is 400,000 units long.
    const handler = onOrderTotals<{ note?: string }>({ reduce: () => ({ note: "€".repeat(400_000) }) });
    await assert.rejects(handler(asDelivered(windowed(kinesisEvent(orders(1)))), managedContext()), (error: unknown) => error instanceof WindowStateTooLargeError && error.bytes === 1_200_011);
  });

  it("fails with a DecodeError when the event has no window fields (the mapping has no tumbling window)", async () => {
    const handler = onOrderTotals({ initial, reduce: (state) => state });
    await assert.rejects(handler(asDelivered(kinesisEvent(orders(1))), managedContext()), { name: "DecodeError" });
  });
});

describe("DynamoDB Streams tumbling window handler", () => {
  const images = (count: number) => Array.from({ length: count }, (_, i) => orderImage(`ord-${i + 1}`, i + 1));

  it("reduces the decoded images in order, and stops at a record whose image is malformed with the state before it", async () => {
    const seen: string[] = [];
    const { failures, onRecordFailure } = collector();
    const handler = onOrderItemTotals(
      {
        initial,
        reduce: (state, record) => {
          const item = record.dynamodb.NewImage!;
          seen.push(`${item.orderId}@${record.dynamodb.SequenceNumber}`);
          return { count: state.count + 1, quantity: state.quantity + item.quantity };
        },
      },
      { onRecordFailure },
    );
    assert.deepEqual(await handler(asDelivered(windowed(dynamodbEvent(images(3)))), managedContext()), { state: { count: 3, quantity: 6 }, batchItemFailures: [] });
    seen.length = 0;
    const bad = [...images(2), { ...orderImage("ord-3"), quantity: { N: true } }, ...images(1)];
    const result = await handler(asDelivered(windowed(dynamodbEvent(bad), { state: { count: 1, quantity: 1 } })), managedContext());
    assert.deepEqual(result, { state: { count: 3, quantity: 4 }, batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(seen, ["ord-1@seq-0", "ord-2@seq-1"]);
    assert.ok(failures[0]!.reason === "invalid-payload");
    assert.deepEqual(failures[0]!.issues.map((issue) => issue.path), ["/Records/2/dynamodb/NewImage/quantity"]);
  });

  it("stops at a record whose reduce throws, and calls onWindowEnd on the final invocation with no records", async () => {
    const ends: unknown[] = [];
    const handler = onOrderItemTotals({
      initial,
      reduce: (state, record) => {
        if (record.dynamodb.NewImage!.orderId === "ord-2") throw new Error("unlucky");
        return { ...state, count: state.count + 1 };
      },
      onWindowEnd: (state, window) => void ends.push([state, window.isFinal]),
    });
    assert.deepEqual(await handler(asDelivered(windowed(dynamodbEvent(images(3)))), managedContext()), { state: { count: 1, quantity: 0 }, batchItemFailures: [{ itemIdentifier: "seq-1" }] });
    assert.deepEqual(await handler(asDelivered(windowed(dynamodbEvent([]), { state: { count: 1, quantity: 0 }, final: true })), managedContext()), { state: {}, batchItemFailures: [] });
    assert.deepEqual(ends, [[{ count: 1, quantity: 0 }, true]]);
  });
});

describe("the window entries' generated decoders", () => {
  it("decodeNameEvent decodes a window event's payloads, and reports one at its pointer", () => {
    const decoded = decodeOrderTotalsEvent(JSON.stringify(windowed(kinesisEvent(orders(2)), { state: { count: 1 } })));
    assert.deepEqual(decoded.Records.map((record) => record.kinesis.data), orders(2));
    assert.deepEqual([decoded.window, decoded.state, decoded.isFinalInvokeForWindow], [WINDOW, { count: 1 }, false]);
    assert.throws(() => decodeOrderTotalsEvent(JSON.stringify(windowed(kinesisEvent([order("ord-1", 0)])))), /^DecodeError: OrderTotalsEvent at \/Records\/0\/kinesis\/data\/quantity/);
    const item = decodeOrderItemTotalsEvent(JSON.stringify(windowed(dynamodbEvent([orderImage("ord-1", 2)]))));
    assert.equal(item.Records[0]!.dynamodb.NewImage!.quantity, 2);
    assert.throws(() => decodeOrderItemTotalsEvent(JSON.stringify(dynamodbEvent([orderImage("ord-1")]))), /at \/window: is required but missing/);
  });

  it("isNameEvent checks the window fields and the decoded payloads", () => {
    const record = kinesisEvent([order("ord-1")]).Records[0]!;
    assert.equal(isOrderTotalsEvent(windowed({ Records: [{ ...record, kinesis: { ...record.kinesis, data: order("ord-1") } }] })), true);
    assert.equal(isOrderTotalsEvent(windowed({ Records: [record] })), false, "data still base64");
    assert.equal(isOrderTotalsEvent(kinesisEvent([])), false);
    const { isFinalInvokeForWindow: _final, ...noFlag } = windowed(dynamodbEvent([]));
    assert.equal(isOrderItemTotalsEvent(windowed(dynamodbEvent([]))), true);
    assert.equal(isOrderItemTotalsEvent(noFlag), false);
  });
});
