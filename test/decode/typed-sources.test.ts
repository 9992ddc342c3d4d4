import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { DecodeError } from "../../runtime/decode/index.js";
import { assertOrderStreamEvent, decodeOrderNoticeEvent, decodeOrderNoticeQueueEvent, decodeOrderStreamEvent, isOrderStreamEvent } from "../generated/index.js";
import { decodeAppLogEvent, decodeChatMessageEvent, decodeOrderDeliveryEvent, decodeOrderItemEvent, decodeOrderRecordEvent, decodePlacedQueueEvent, decodeUploadQueueEvent } from "../generated/sources/index.js";
import { loadEvent } from "../support/fixtures.js";
import { orderBody, orderPlacedEvent, sqsEvent } from "../handlers/support/events.js";
import {
  cloudWatchLogsEvent,
  dynamodbEvent,
  firehoseEvent,
  kafkaEvent,
  kinesisEvent,
  orderImage,
  snsEvent,
  snsNotificationBody,
  websocketEvent,
} from "../handlers/support/stream-events.js";

// decodeNameEvent of every typed source in the test config: the payloads decoded in place, and
// every failure reported with its pointer inside the event.

const bytes = (event: unknown) => new TextEncoder().encode(JSON.stringify(event));
const order = (orderId: string, quantity = 1) => ({ orderId, quantity });

function issuesOf(decode: () => unknown): { path: string; message: string }[] {
  try {
    decode();
  } catch (error) {
    assert.ok(error instanceof DecodeError, `a DecodeError, not ${String(error)}`);
    return error.issues;
  }
  assert.fail("expected a DecodeError");
}
const pathsOf = (decode: () => unknown) => issuesOf(decode).map((issue) => issue.path);

describe("typed payloads: kinesis data", () => {
  it("decodes every record's base64 data as the entry's type", () => {
    const event = decodeOrderStreamEvent(bytes(kinesisEvent([order("ord-1", 2), order("ord-2")])));
    assert.deepEqual(event.Records.map((record) => record.kinesis.data), [order("ord-1", 2), order("ord-2")]);
    assert.equal(event.Records[1]!.kinesis.sequenceNumber, "seq-1");
  });

  it("names the pointer inside the record's data, for every bad record", () => {
    const records = [order("ord-0"), order("ord-1"), order("ord-2"), { orderId: 7, quantity: 1 }, "not json"];
    assert.deepEqual(pathsOf(() => decodeOrderStreamEvent(bytes(kinesisEvent(records)))), ["/Records/3/kinesis/data/orderId", "/Records/4/kinesis/data"]);
  });

  it("checks an already decoded event with assert and is", () => {
    const decoded = decodeOrderStreamEvent(bytes(kinesisEvent([order("ord-1")])));
    assert.equal(isOrderStreamEvent(decoded), true);
    assertOrderStreamEvent(decoded);
    assert.equal(isOrderStreamEvent(kinesisEvent([order("ord-1")])), false, "raw base64 data is not the decoded event");
  });
});

describe("typed payloads: dynamodb item", () => {
  it("unmarshalls NewImage and OldImage and validates the item", () => {
    const image = { ...orderImage("ord-1", 3), price: { N: "19.99" }, tags: { SS: ["a", "b"] }, address: { M: { city: { S: "Lyon" } } }, blob: { B: "AQID" }, gone: { NULL: true } };
    const event = dynamodbEvent([image]);
    event.Records[0]!.dynamodb.OldImage = orderImage("ord-1", 2) as never;
    const decoded = decodeOrderItemEvent(bytes(event));
    const { NewImage, OldImage } = decoded.Records[0]!.dynamodb;
    assert.deepEqual({ ...NewImage, blob: undefined }, { pk: "ORDER#ord-1", orderId: "ord-1", quantity: 3, price: 19.99, status: "PLACED", tags: ["a", "b"], address: { city: "Lyon" }, blob: undefined, gone: null });
    assert.deepEqual([...((NewImage as unknown as Record<string, unknown>).blob as Uint8Array)], [1, 2, 3]);
    assert.ok((NewImage as unknown as Record<string, unknown>).blob instanceof Uint8Array);
    assert.equal(OldImage?.quantity, 2);
  });

  it("decodes a KEYS_ONLY record, which has no image", () => {
    const event = loadEvent("dynamodb", "keys-only");
    const decoded = decodeOrderItemEvent(bytes(event));
    assert.equal(decoded.Records[0]!.dynamodb.NewImage, undefined);
  });

  it("names the pointer inside the unmarshalled item", () => {
    const images = [orderImage("ord-0"), orderImage("ord-1"), orderImage("ord-2"), { ...orderImage("ord-3"), address: { M: { zip: { S: "69001" } } } }];
    assert.deepEqual(pathsOf(() => decodeOrderItemEvent(bytes(dynamodbEvent(images)))), ["/Records/3/dynamodb/NewImage/address/city"]);
  });

  it("rejects a malformed AttributeValue with its pointer, before the schema sees it", () => {
    const images = [{ ...orderImage("ord-0"), quantity: { N: 5 } }, { ...orderImage("ord-1"), status: { S: "PLACED", N: "1" } }, { ...orderImage("ord-2"), tags: { XS: [] } }];
    const issues = issuesOf(() => decodeOrderItemEvent(bytes(dynamodbEvent(images))));
    assert.deepEqual(issues.map((issue) => issue.path), ["/Records/0/dynamodb/NewImage/quantity", "/Records/1/dynamodb/NewImage/status", "/Records/2/dynamodb/NewImage/tags"]);
    assert.match(issues[0]!.message, /N must be a number written as a string/);
    assert.match(issues[1]!.message, /has both S and N/);
    assert.match(issues[2]!.message, /"XS", which is not a DynamoDB AttributeValue type/);
  });

  it("refuses a fraction that a number cannot hold exactly, naming the pointer", () => {
    const issues = issuesOf(() => decodeOrderItemEvent(bytes(dynamodbEvent([{ ...orderImage("ord-1"), price: { N: "0.12345678901234567890123" } }]))));
    assert.equal(issues[0]!.path, "/Records/0/dynamodb/NewImage/price");
    assert.match(issues[0]!.message, /cannot hold exactly/);
  });

  it("accepts another spelling of an exact number, and gives a bigint where the schema asks for one", () => {
    const image = { ...orderImage("ord-1"), price: { N: "1.50" }, ledgerId: { N: "123456789012345678901" } };
    const item = decodeOrderItemEvent(bytes(dynamodbEvent([image]))).Records[0]!.dynamodb.NewImage!;
    assert.equal(item.price, 1.5);
    assert.equal(item.ledgerId, 123456789012345678901n);
  });

  it("says what to do when an integer too large for a number reaches a number property", () => {
    const issues = issuesOf(() => decodeOrderItemEvent(bytes(dynamodbEvent([orderImage("ord-1", "90071992547409931")]))));
    assert.equal(issues[0]!.path, "/Records/0/dynamodb/NewImage/quantity");
    assert.match(issues[0]!.message, /"x-kata-bigint": true/);
  });

  it("refuses a small number where the schema asks for a bigint", () => {
    const issues = issuesOf(() => decodeOrderItemEvent(bytes(dynamodbEvent([{ ...orderImage("ord-1"), ledgerId: { N: "12" } }]))));
    assert.deepEqual(issues.map((issue) => issue.path), ["/Records/0/dynamodb/NewImage/ledgerId"]);
  });
});

describe("typed payloads: sns message", () => {
  it("decodes Sns.Message", () => {
    assert.deepEqual(decodeOrderNoticeEvent(bytes(snsEvent(order("ord-9", 4)))).Records[0]!.Sns.Message, order("ord-9", 4));
  });
  it("names the pointer inside the message", () => {
    assert.deepEqual(pathsOf(() => decodeOrderNoticeEvent(bytes(snsEvent({ orderId: "ord-9", quantity: 0 })))), ["/Records/0/Sns/Message/quantity"]);
  });
});

describe("typed payloads: kafka value and key", () => {
  it("decodes value and key, and headers to strings", () => {
    const record = decodeOrderRecordEvent(bytes(kafkaEvent([order("ord-1")]))).records["orders-0"]![0]!;
    assert.deepEqual(record.value, order("ord-1"));
    assert.deepEqual(record.key, { customerId: "cus-0" });
    assert.deepEqual(record.headers, [{ traceparent: "trace-0" }]);
  });
  it("takes a self-managed Kafka event too", () => {
    const event = { ...kafkaEvent([order("ord-1")]), eventSource: "SelfManagedKafka", eventSourceArn: undefined };
    assert.deepEqual(decodeOrderRecordEvent(bytes(event)).records["orders-0"]![0]!.value, order("ord-1"));
  });
  it("names the pointer inside the value and the key", () => {
    const event = kafkaEvent([order("ord-1"), { orderId: "ord-2" }]);
    event.records["orders-0"]![0]!.key = Buffer.from("{}").toString("base64");
    assert.deepEqual(pathsOf(() => decodeOrderRecordEvent(bytes(event))), ["/records/orders-0/0/key/customerId", "/records/orders-0/1/value/quantity"]);
  });
});

describe("typed payloads: firehose data", () => {
  it("decodes each record's data, and names the pointer of a bad one", () => {
    assert.deepEqual(decodeOrderDeliveryEvent(bytes(firehoseEvent([order("ord-1")]))).records[0]!.data, order("ord-1"));
    assert.deepEqual(pathsOf(() => decodeOrderDeliveryEvent(bytes(firehoseEvent([order("ord-1"), { orderId: "x", quantity: 1 }])))), ["/records/1/data/orderId"]);
  });
});

describe("typed payloads: cloudwatch-logs message", () => {
  it("gunzips awslogs.data and decodes every log event's message", () => {
    const event = decodeAppLogEvent(bytes(cloudWatchLogsEvent([{ level: "ERROR", msg: "payment declined" }, { level: "INFO", msg: "ok" }])));
    assert.deepEqual(event.awslogs.data.logEvents.map((logEvent) => logEvent.message.level), ["ERROR", "INFO"]);
    assert.equal(event.awslogs.data.logGroup, "/aws/lambda/orders");
  });
  it("names the pointer inside the message", () => {
    assert.deepEqual(pathsOf(() => decodeAppLogEvent(bytes(cloudWatchLogsEvent([{ level: "INFO", msg: "ok" }, { level: "LOUD", msg: "?" }])))), ["/awslogs/data/logEvents/1/message/level"]);
  });
  it("refuses data that gunzips to more than 64 MB, at /awslogs/data", () => {
    const bomb = gzipSync(Buffer.alloc(65 * 1024 * 1024)).toString("base64");
    const issues = issuesOf(() => decodeAppLogEvent(bytes({ awslogs: { data: bomb } })));
    assert.deepEqual(issues.map((issue) => issue.path), ["/awslogs/data"]);
  });
  it("reports data that is not gzip at /awslogs/data", () => {
    assert.deepEqual(pathsOf(() => decodeAppLogEvent(bytes({ awslogs: { data: Buffer.from("plain").toString("base64") } }))), ["/awslogs/data"]);
  });
});

describe("typed payloads: websocket body", () => {
  it("decodes the body of a MESSAGE event, and names the pointer of a bad one", () => {
    assert.deepEqual(decodeChatMessageEvent(bytes(websocketEvent({ action: "sendmessage", text: "hi" }))).body, { action: "sendmessage", text: "hi" });
    assert.deepEqual(pathsOf(() => decodeChatMessageEvent(bytes(websocketEvent({ action: "sendmessage", text: "" })))), ["/body/text"]);
  });
});

describe("typed payloads: SQS envelopes", () => {
  it("via sns: decodes the notification's Message inside each body", () => {
    const event = decodeOrderNoticeQueueEvent(bytes(sqsEvent([snsNotificationBody(order("ord-1")), snsNotificationBody(order("ord-2"))])));
    assert.deepEqual(event.Records.map((record) => record.body.Message), [order("ord-1"), order("ord-2")]);
    assert.equal(event.Records[0]!.body.TopicArn, "arn:aws:sns:us-east-1:123456789012:orders-topic");
  });
  it("via sns: names the pointer inside the Message, and a body that is no notification", () => {
    const bodies = [snsNotificationBody(order("ord-1")), snsNotificationBody({ orderId: "ord-2" }), orderBody("ord-3")];
    assert.deepEqual(pathsOf(() => decodeOrderNoticeQueueEvent(bytes(sqsEvent(bodies)))), ["/Records/1/body/Message/quantity", "/Records/2/body/Type", "/Records/2/body/MessageId", "/Records/2/body/TopicArn", "/Records/2/body/Message", "/Records/2/body/Timestamp"]);
  });
  it("via eventbridge: decodes the event inside each body, with its detail-type checked", () => {
    const placed = orderPlacedEvent();
    const event = decodePlacedQueueEvent(bytes(sqsEvent([JSON.stringify(placed)])));
    assert.equal(event.Records[0]!.body.detail.orderId, "ord-42");
    const wrong = { ...placed, "detail-type": "Order Shipped", detail: { ...placed.detail, orderId: 5 } };
    assert.deepEqual(pathsOf(() => decodePlacedQueueEvent(bytes(sqsEvent([JSON.stringify(wrong)])))).sort(), ["/Records/0/body/detail-type", "/Records/0/body/detail/orderId"]);
  });
  it("via s3: decodes S3 notifications and the s3:TestEvent", () => {
    const event = decodeUploadQueueEvent(bytes(sqsEvent([JSON.stringify(loadEvent("s3", "base")), JSON.stringify(loadEvent("s3", "test-event"))])));
    const [notification, test] = event.Records.map((record) => record.body);
    assert.ok(notification && "Records" in notification);
    assert.ok(test && "Event" in test && test.Event === "s3:TestEvent");
    assert.deepEqual(pathsOf(() => decodeUploadQueueEvent(bytes(sqsEvent([JSON.stringify({ Records: [{}] })])))).every((path) => path.startsWith("/Records/0/body")), true);
  });
});
