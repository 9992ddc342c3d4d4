import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { StreamRecordFailure } from "../../handlers/stream-batch.js";
import { KafkaRecordError } from "../../handlers/kafka.js";
import { drop, type FirehoseRecordFailure } from "../../handlers/firehose.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { onOrderNotice, onOrderStream } from "../generated/index.js";
import { onAppLog, onChatMessage, onOrderDelivery, onOrderItem, onOrderRecord, onPlacedQueue, type OrderItem } from "../generated/sources/index.js";
import { loadEvent } from "../support/fixtures.js";
import { orderPlacedEvent, sqsEvent } from "./support/events.js";
import { asDelivered, managedContext } from "./support/context.js";
import { cloudWatchLogsEvent, dynamodbEvent, firehoseEvent, kafkaEvent, kinesisEvent, orderImage, snsEvent, websocketEvent } from "./support/stream-events.js";

// The stream handlers called the way AWS's managed Node.js runtime calls them: a parsed event.

const order = (orderId: string, quantity = 1) => ({ orderId, quantity });
const orders = (count: number) => Array.from({ length: count }, (_, i) => order(`ord-${i + 1}`));

function collector() {
  const failures: StreamRecordFailure[] = [];
  return { failures, onRecordFailure: (failure: StreamRecordFailure) => void failures.push(failure) };
}

describe("Kinesis handler: in order, stops at the first failure", () => {
  it("calls fn exactly for records 1-3 of 5 when the 3rd throws, and reports the 3rd's sequence number", async () => {
    const seen: string[] = [];
    const { failures, onRecordFailure } = collector();
    const handler = onOrderStream((data, record) => {
      seen.push(`${data.orderId}@${record.kinesis.sequenceNumber}`);
      if (data.orderId === "ord-3") throw new Error("ord-3 is unlucky");
    }, { onRecordFailure });
    const result = await handler(asDelivered(kinesisEvent(orders(5))), managedContext("req-k"));
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(seen, ["ord-1@seq-0", "ord-2@seq-1", "ord-3@seq-2"]);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.reason, "handler-error");
    assert.equal(failures[0]!.pointer, "/Records/2");
    assert.equal(failures[0]!.notProcessed, 2);
    assert.equal(failures[0]!.awsRequestId, "req-k");
  });

  it("reports the first record when every record fails, and calls fn once", async () => {
    let calls = 0;
    const handler = onOrderStream(() => {
      calls++;
      throw new Error("down");
    }, collector());
    assert.deepEqual(await handler(asDelivered(kinesisEvent(orders(4))), managedContext()), { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.equal(calls, 1);
  });

  it("reports nothing when no record fails, after calling fn for each in order", async () => {
    const seen: string[] = [];
    const handler = onOrderStream((data) => void seen.push(data.orderId));
    assert.deepEqual(await handler(asDelivered(kinesisEvent(orders(3))), managedContext()), { batchItemFailures: [] });
    assert.deepEqual(seen, ["ord-1", "ord-2", "ord-3"]);
  });

  it("reports a first record that fails to decode, with its pointer, and processes nothing", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderStream(() => assert.fail("fn must not run"), { onRecordFailure });
    const result = await handler(asDelivered(kinesisEvent([{ orderId: "ord-1", quantity: 0 }, ...orders(2)])), managedContext());
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    const failure = failures[0]!;
    assert.ok(failure.reason === "invalid-payload");
    assert.deepEqual(failure.issues.map((issue) => issue.path), ["/Records/0/kinesis/data/quantity"]);
  });

  it("runs a 10,000-record batch in order and stops at record 9,000", async () => {
    let count = 0;
    const handler = onOrderStream((data) => {
      count++;
      if (data.orderId === "ord-9000") throw new Error("stop");
    }, collector());
    const result = await handler(asDelivered(kinesisEvent(orders(10_000))), managedContext());
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "seq-8999" }] });
    assert.equal(count, 9000);
    assert.deepEqual(await onOrderStream(() => {})(asDelivered(kinesisEvent(orders(10_000))), managedContext()), { batchItemFailures: [] });
  });

  it("fails the invocation with a DecodeError when the event is not a Kinesis event", async () => {
    await assert.rejects(onOrderStream(() => {})({ Records: [{ kinesis: {} }] }, managedContext()), DecodeError);
  });
});

describe("DynamoDB Streams handler: in order, stops at the first failure", () => {
  const images = (count: number) => Array.from({ length: count }, (_, i) => orderImage(`ord-${i + 1}`));

  it("calls fn exactly for records 1-3 of 5 when the 3rd throws, and reports its SequenceNumber", async () => {
    const seen: OrderItem[] = [];
    const handler = onOrderItem((record) => {
      seen.push(record.dynamodb.NewImage!);
      if (record.dynamodb.NewImage?.orderId === "ord-3") throw new Error("no");
    }, collector());
    assert.deepEqual(await handler(asDelivered(dynamodbEvent(images(5))), managedContext()), { batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(seen.map((item) => item.orderId), ["ord-1", "ord-2", "ord-3"]);
    assert.equal(seen[0]!.quantity, 1, "unmarshalled: N is a number");
  });

  it("reports the first of all-failing records, and none of a good batch", async () => {
    let calls = 0;
    const failing = onOrderItem(() => {
      calls++;
      throw new Error("no");
    }, collector());
    assert.deepEqual(await failing(asDelivered(dynamodbEvent(images(3))), managedContext()), { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.equal(calls, 1);
    assert.deepEqual(await onOrderItem(() => {})(asDelivered(dynamodbEvent(images(3))), managedContext()), { batchItemFailures: [] });
  });

  it("reports a first record whose image fails to decode, with the pointer inside the item", async () => {
    const { failures, onRecordFailure } = collector();
    const handler = onOrderItem(() => assert.fail("fn must not run"), { onRecordFailure });
    const bad = [{ ...orderImage("ord-1"), quantity: { S: "1" } }, ...images(2)];
    assert.deepEqual(await handler(asDelivered(dynamodbEvent(bad)), managedContext()), { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    const failure = failures[0]!;
    assert.ok(failure.reason === "invalid-payload");
    assert.deepEqual(failure.issues.map((issue) => issue.path), ["/Records/0/dynamodb/NewImage/quantity"]);
  });

  it("runs a 10,000-record batch and stops at record 9,000", async () => {
    let count = 0;
    const handler = onOrderItem((record) => {
      count++;
      if (record.dynamodb.NewImage?.orderId === "ord-9000") throw new Error("stop");
    }, collector());
    assert.deepEqual(await handler(asDelivered(dynamodbEvent(images(10_000))), managedContext()), { batchItemFailures: [{ itemIdentifier: "seq-8999" }] });
    assert.equal(count, 9000);
  });
});

describe("Kafka handler: a failure fails the invocation", () => {
  it("processes the records before the failing one, then throws an error naming its partition and offset", async () => {
    const seen: number[] = [];
    const handler = onOrderRecord((value, record) => {
      seen.push(record.offset);
      assert.equal(record.headers[0]!.traceparent, `trace-${record.offset - 100}`);
      if (value.orderId === "ord-3") throw new Error("ord-3 failed");
    });
    const error = await handler(asDelivered(kafkaEvent(orders(5), 4)), managedContext()).then(
      () => assert.fail("must throw"),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof KafkaRecordError);
    assert.deepEqual([error.topic, error.partition, error.offset, error.pointer, error.processed], ["orders", 4, 102, "/records/orders-4/2", 2]);
    assert.match(error.message, /partition 4 offset 102/);
    assert.deepEqual(seen, [100, 101, 102]);
  });

  it("names the pointer inside the value of a record that fails to decode", async () => {
    const handler = onOrderRecord(() => {});
    await assert.rejects(handler(asDelivered(kafkaEvent([order("ord-1"), { orderId: "ord-2" }])), managedContext()), (error: unknown) => {
      assert.ok(error instanceof KafkaRecordError && error.cause instanceof DecodeError);
      assert.deepEqual(error.cause.issues.map((issue) => issue.path), ["/records/orders-0/1/value/quantity"]);
      assert.equal(error.offset, 101);
      return true;
    });
  });

  it("returns when every record succeeds", async () => {
    let count = 0;
    await onOrderRecord(() => void count++)(asDelivered(kafkaEvent(orders(3))), managedContext());
    assert.equal(count, 3);
  });
});

describe("Firehose handler: a result for every record", () => {
  it("answers Ok with the base64 payload, Dropped for drop(), ProcessingFailed for a throw and for bad data", async () => {
    const failures: FirehoseRecordFailure[] = [];
    const handler = onOrderDelivery(
      (data) => {
        if (data.orderId === "ord-2") return drop();
        if (data.orderId === "ord-3") throw new Error("no");
        return `${data.orderId},${data.quantity}\n`;
      },
      { onRecordFailure: (failure) => void failures.push(failure) },
    );
    const event = firehoseEvent([order("ord-1", 2), order("ord-2"), order("ord-3"), "{oops"]);
    const result = await handler(asDelivered(event), managedContext());
    assert.deepEqual(result.records, [
      { recordId: "rec-0", result: "Ok", data: Buffer.from("ord-1,2\n").toString("base64") },
      { recordId: "rec-1", result: "Dropped", data: event.records[1]!.data },
      { recordId: "rec-2", result: "ProcessingFailed", data: event.records[2]!.data },
      { recordId: "rec-3", result: "ProcessingFailed", data: event.records[3]!.data },
    ]);
    assert.deepEqual(failures.map((failure) => [failure.reason, failure.pointer]), [["handler-error", "/records/2"], ["invalid-payload", "/records/3"]]);
    const invalid = failures[1]!;
    assert.ok(invalid.reason === "invalid-payload" && invalid.issues[0]!.path === "/records/3/data");
  });

  it("writes an object as JSON", async () => {
    const result = await onOrderDelivery((data) => ({ id: data.orderId }))(asDelivered(firehoseEvent([order("ord-1")])), managedContext());
    assert.equal(Buffer.from(result.records[0]!.data!, "base64").toString(), '{"id":"ord-1"}');
  });

  it("keeps the response under 6 MB: transformed records that grew are sent back ProcessingFailed from the end", async () => {
    const failures: FirehoseRecordFailure[] = [];
    const big = "x".repeat(1024 * 1024);
    const handler = onOrderDelivery(() => big, { onRecordFailure: (failure) => void failures.push(failure) });
    const result = await handler(asDelivered(firehoseEvent(orders(6))), managedContext());
    const statuses = result.records.map((record) => record.result);
    assert.deepEqual(statuses, ["Ok", "Ok", "Ok", "Ok", "ProcessingFailed", "ProcessingFailed"]);
    assert.ok(JSON.stringify(result).length <= 6 * 1024 * 1024);
    assert.deepEqual(failures.map((failure) => failure.reason), ["response-too-large", "response-too-large"]);
  });
});

describe("SNS handler", () => {
  it("calls fn with the decoded message", async () => {
    const seen: unknown[] = [];
    await onOrderNotice((message, record) => void seen.push([message, record.Sns.MessageId]))(asDelivered(snsEvent(order("ord-1", 2))), managedContext());
    assert.deepEqual(seen, [[order("ord-1", 2), "95df01b4-ee98-5cb9-9903-4c221d41eb5e"]]);
  });

  it("fails with a DecodeError naming the pointer inside the message, without calling fn", async () => {
    await assert.rejects(onOrderNotice(() => assert.fail("fn must not run"))(asDelivered(snsEvent({ orderId: "ord-1" })), managedContext()), (error: unknown) => {
      assert.ok(error instanceof DecodeError);
      assert.deepEqual(error.issues.map((issue) => issue.path), ["/Records/0/Sns/Message/quantity"]);
      return true;
    });
  });
});

describe("CloudWatch Logs, WebSocket and SQS via EventBridge handlers", () => {
  it("CloudWatch Logs: fn gets the gunzipped data with every message decoded; a bad message is a DecodeError", async () => {
    const levels: string[] = [];
    const handler = onAppLog((data) => void levels.push(...data.logEvents.map((logEvent) => logEvent.message.level)));
    await handler(asDelivered(cloudWatchLogsEvent([{ level: "WARN", msg: "slow" }, { level: "ERROR", msg: "down" }])), managedContext());
    assert.deepEqual(levels, ["WARN", "ERROR"]);
    await assert.rejects(handler(asDelivered(cloudWatchLogsEvent([{ level: "WARN" }])), managedContext()), (error: unknown) => {
      assert.ok(error instanceof DecodeError);
      assert.deepEqual(error.issues.map((issue) => issue.path), ["/awslogs/data/logEvents/0/message/msg"]);
      return true;
    });
  });

  it("WebSocket: fn gets a valid body; a bad body or a connect event gets 400 problem+json", async () => {
    const handler = onChatMessage((body, event) => ({ statusCode: 200, body: `${event.requestContext.connectionId}: ${body.text}` }));
    assert.deepEqual(await handler(asDelivered(websocketEvent({ action: "sendmessage", text: "hi" })), managedContext()), { statusCode: 200, body: "ABCDEFGHIJKLMN=: hi" });
    const bad = (await handler(asDelivered(websocketEvent({ action: "sendmessage", text: "" })), managedContext())) as { statusCode: number; body: string };
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(JSON.parse(bad.body).issues.map((issue: { pointer: string }) => issue.pointer), ["/body/text"]);
    const connect = (await handler(asDelivered(loadEvent("apigw-websocket", "connect")), managedContext())) as { statusCode: number };
    assert.equal(connect.statusCode, 400);
  });

  it("SQS via EventBridge: fn gets the typed EventBridge event; another detail-type is reported", async () => {
    const seen: string[] = [];
    const handler = onPlacedQueue((event) => void seen.push(event.detail.orderId));
    const wrong = { ...orderPlacedEvent(), "detail-type": "Order Shipped" };
    const result = await handler(asDelivered(sqsEvent([JSON.stringify(orderPlacedEvent()), JSON.stringify(wrong)])), managedContext());
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
    assert.deepEqual(seen, ["ord-42"]);
  });
});
