import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadEvent } from "../support/fixtures.js";
import { onOrderNotice, onOrderNoticeQueue, onOrderStream } from "../generated/index.js";
import { onOrderDelivery, onOrderItem, onOrderRecord, onUploadQueue } from "../generated/sources/index.js";
import { drop } from "../../handlers/firehose.js";
import { sqsEvent } from "./support/events.js";
import { dynamodbEvent, firehoseEvent, kafkaEvent, kinesisEvent, orderImage, snsEvent, snsNotificationBody } from "./support/stream-events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// The stream handlers under kata's own loop: raw event bytes from a real (mock) Runtime API.

const order = (orderId: string, quantity = 1) => ({ orderId, quantity });
const orders = (count: number, unlucky?: number) => Array.from({ length: count }, (_, i) => order(`ord-${i + 1}`, i + 1 === unlucky ? 13 : 1));

describe("Kinesis handler under kata's start", () => {
  const processed: string[] = [];
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      onOrderStream((data) => {
        processed.push(data.orderId);
        if (data.quantity === 13) throw new Error(`unlucky ${data.orderId}`);
      }),
    );
  });
  after(() => loop.stop());

  it("calls fn for records 1-3 of 5 when the 3rd throws, answers its sequence number and logs it", async () => {
    processed.length = 0;
    const outcome = await loop.invoke(kinesisEvent(orders(5, 3)), "kinesis-mid");
    assert.equal(outcome.kind, "response");
    assert.equal(loop.api.postsFor("kinesis-mid")[0]?.path, "/2018-06-01/runtime/invocation/kinesis-mid/response");
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(processed, ["ord-1", "ord-2", "ord-3"]);
    const logged = loop.logs.filter((line) => line.includes("kinesis-mid"));
    assert.ok(logged.some((line) => line.includes('"sequenceNumber":"seq-2"') && line.includes('"notProcessed":2') && line.includes("unlucky ord-3")), logged.join("\n"));
  });

  it("answers the first record when all fail, and none when none fail", async () => {
    processed.length = 0;
    assert.deepEqual((await loop.invoke(kinesisEvent([order("ord-1", 13), order("ord-2", 13)]))).json, { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.deepEqual(processed, ["ord-1"]);
    processed.length = 0;
    assert.deepEqual((await loop.invoke(kinesisEvent(orders(3)))).json, { batchItemFailures: [] });
    assert.deepEqual(processed, ["ord-1", "ord-2", "ord-3"]);
  });

  it("answers a first record that fails to decode, logging the pointer inside its data", async () => {
    processed.length = 0;
    const outcome = await loop.invoke(kinesisEvent([{ orderId: "ORD" }, ...orders(2)]), "kinesis-bad");
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.deepEqual(processed, []);
    assert.ok(loop.logs.some((line) => line.includes("kinesis-bad") && line.includes('"path":"/Records/0/kinesis/data/orderId"')));
  });

  it("runs a 10,000-record batch", async () => {
    processed.length = 0;
    const outcome = await loop.invoke(kinesisEvent(orders(10_000, 9_999)));
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "seq-9998" }] });
    assert.equal(processed.length, 9_999);
  });

  it("fails the invocation with a DecodeError when the event is not a Kinesis event", async () => {
    const outcome = await loop.invoke({ Records: [{ kinesis: { data: "e30=" } }] });
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.DecodeError");
  });
});

describe("DynamoDB Streams handler under kata's start", () => {
  const processed: string[] = [];
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      onOrderItem((record) => {
        const item = record.dynamodb.NewImage!;
        processed.push(item.orderId);
        if (item.quantity === 13) throw new Error(`unlucky ${item.orderId}`);
      }),
    );
  });
  after(() => loop.stop());
  const images = (count: number, unlucky?: number) => Array.from({ length: count }, (_, i) => orderImage(`ord-${i + 1}`, i + 1 === unlucky ? 13 : 1));

  it("calls fn for records 1-3 of 5 when the 3rd throws, and answers its sequence number", async () => {
    processed.length = 0;
    assert.deepEqual((await loop.invoke(dynamodbEvent(images(5, 3)))).json, { batchItemFailures: [{ itemIdentifier: "seq-2" }] });
    assert.deepEqual(processed, ["ord-1", "ord-2", "ord-3"]);
  });

  it("answers the first of all-failing records, none for a good batch, and a first record whose image is malformed", async () => {
    processed.length = 0;
    assert.deepEqual((await loop.invoke(dynamodbEvent([orderImage("ord-1", 13), orderImage("ord-2", 13)]))).json, { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.deepEqual((await loop.invoke(dynamodbEvent(images(2)))).json, { batchItemFailures: [] });
    processed.length = 0;
    const outcome = await loop.invoke(dynamodbEvent([{ ...orderImage("ord-1"), quantity: { N: true } }, orderImage("ord-2")]), "ddb-bad");
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "seq-0" }] });
    assert.deepEqual(processed, []);
    assert.ok(loop.logs.some((line) => line.includes("ddb-bad") && line.includes('"path":"/Records/0/dynamodb/NewImage/quantity"')));
  });

  it("runs a 10,000-record batch", async () => {
    processed.length = 0;
    assert.deepEqual((await loop.invoke(dynamodbEvent(images(10_000)))).json, { batchItemFailures: [] });
    assert.equal(processed.length, 10_000);
  });
});

describe("Kafka, Firehose and SNS handlers under kata's start", () => {
  it("Kafka: fails the invocation with the partition and offset after processing the records before it", async () => {
    const processed: number[] = [];
    const loop = await runUnderKata(
      onOrderRecord((value, record) => {
        processed.push(record.offset);
        if (value.quantity === 13) throw new Error("unlucky");
      }),
    );
    try {
      const outcome = await loop.invoke(kafkaEvent(orders(5, 3)), "kafka-mid");
      assert.equal(outcome.kind, "error");
      assert.equal(outcome.json.errorType, "KafkaRecordError");
      assert.match(outcome.json.errorMessage, /^Kafka record orders partition 0 offset 102 \(\/records\/orders-0\/2\) failed: unlucky\. 2 earlier records were processed/);
      assert.deepEqual(processed, [100, 101, 102]);
      assert.ok(loop.logs.some((line) => line.includes("kafka-mid") && line.includes('"offset":102')));
    } finally {
      await loop.stop();
    }
  });

  it("Firehose: one result per record id", async () => {
    const loop = await runUnderKata(onOrderDelivery((data) => (data.quantity === 13 ? drop() : data)));
    try {
      const event = firehoseEvent([order("ord-1"), order("ord-2", 13), "nope"]);
      const outcome = await loop.invoke(event);
      assert.deepEqual(
        outcome.json.records.map((record: { recordId: string; result: string }) => [record.recordId, record.result]),
        [["rec-0", "Ok"], ["rec-1", "Dropped"], ["rec-2", "ProcessingFailed"]],
      );
      assert.deepEqual(JSON.parse(Buffer.from(outcome.json.records[0].data, "base64").toString()), order("ord-1"));
    } finally {
      await loop.stop();
    }
  });

  it("SNS: a message that fails to decode fails the invocation with a DecodeError", async () => {
    const seen: string[] = [];
    const loop = await runUnderKata(onOrderNotice((message) => void seen.push(message.orderId)));
    try {
      assert.equal((await loop.invoke(snsEvent(order("ord-1")))).kind, "response");
      const outcome = await loop.invoke(snsEvent({ orderId: "ord-2" }));
      assert.equal(outcome.kind, "error");
      assert.equal(outcome.json.errorType, "DecodeError");
      assert.match(outcome.json.errorMessage, /^OrderNoticeEvent at \/Records\/0\/Sns\/Message\/quantity/);
      assert.deepEqual(seen, ["ord-1"]);
    } finally {
      await loop.stop();
    }
  });
});

describe("SQS envelopes under kata's start", () => {
  it("via s3: the s3:TestEvent never reaches fn and is not a failure", async () => {
    const keys: string[] = [];
    const loop = await runUnderKata(onUploadQueue((s3) => void keys.push(s3.Records[0]!.s3.object.key)));
    try {
      const bodies = [JSON.stringify(loadEvent("s3", "test-event")), JSON.stringify(loadEvent("s3", "base")), JSON.stringify({ Records: [{ eventName: "x" }] })];
      const outcome = await loop.invoke(sqsEvent(bodies));
      assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "msg-2" }] });
      assert.deepEqual(keys, [loadEvent("s3", "base").Records[0].s3.object.key]);
    } finally {
      await loop.stop();
    }
  });

  it("via sns: fn gets the notification's Message, and a bad one is reported with its pointer", async () => {
    const seen: unknown[] = [];
    const loop = await runUnderKata(onOrderNoticeQueue((message, record) => void seen.push([message, record.body.TopicArn])));
    try {
      const outcome = await loop.invoke(sqsEvent([snsNotificationBody(order("ord-1")), snsNotificationBody({ orderId: "ord-2" })]), "via-sns");
      assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
      assert.deepEqual(seen, [[order("ord-1"), "arn:aws:sns:us-east-1:123456789012:orders-topic"]]);
      assert.ok(loop.logs.some((line) => line.includes("via-sns") && line.includes('"path":"/Records/1/body/Message/quantity"')));
    } finally {
      await loop.stop();
    }
  });
});
