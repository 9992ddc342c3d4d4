import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { onOrderMessage } from "../generated/index.js";
import { FIFO_QUEUE, orderBody, sqsEvent } from "./support/events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// The SQS wrapper under kata's own loop: raw event bytes from a real (mock) Runtime API.

const ids = (...indexes: number[]) => indexes.map((index) => ({ itemIdentifier: `msg-${index}` }));

describe("SQS batch handler under kata's start", () => {
  const processed: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let loop: KataLoop;

  before(async () => {
    const handler = onOrderMessage(
      async (message, record) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(record.eventSourceARN.endsWith(".fifo") ? 0 : 5);
        inFlight--;
        if (message.quantity === 13) throw new Error(`unlucky order ${message.orderId}`);
        processed.push(message.orderId);
      },
      { concurrency: 3 },
    );
    loop = await runUnderKata(handler);
  });
  after(() => loop.stop());

  const reset = () => {
    processed.length = 0;
    maxInFlight = 0;
  };

  it("answers a good batch with no failures and passes the parsed bodies", async () => {
    reset();
    const outcome = await loop.invoke(sqsEvent([orderBody("ord-1"), orderBody("ord-2")]), "sqs-ok");
    assert.equal(outcome.kind, "response");
    assert.deepEqual(outcome.json, { batchItemFailures: [] });
    assert.deepEqual(processed.sort(), ["ord-1", "ord-2"]);
    assert.equal(loop.api.postsFor("sqs-ok")[0]?.path, "/2018-06-01/runtime/invocation/sqs-ok/response");
  });

  it("reports a body that is not JSON, one failing the schema and one whose fn throws, and logs each by messageId", async () => {
    reset();
    const event = sqsEvent([orderBody("ord-1"), "<xml/>", JSON.stringify({ orderId: "ord-3", quantity: "2" }), orderBody("ord-4", 13), orderBody("ord-5")]);
    const outcome = await loop.invoke(event, "sqs-mixed");
    assert.equal(outcome.kind, "response");
    assert.deepEqual(outcome.json, { batchItemFailures: ids(1, 2, 3) });
    assert.deepEqual(processed.sort(), ["ord-1", "ord-5"]);
    const logged = loop.logs.filter((line) => line.includes("sqs-mixed"));
    for (const messageId of ["msg-1", "msg-2", "msg-3"]) assert.ok(logged.some((line) => line.includes(`"messageId":"${messageId}"`)), `a log line for ${messageId}`);
    assert.ok(logged.some((line) => line.includes('"path":"/Records/2/body/quantity"')));
    assert.ok(logged.some((line) => line.includes("unlucky order ord-4")));
  });

  it("reports every record of a batch where every record fails", async () => {
    reset();
    const outcome = await loop.invoke(sqsEvent(["", "{}", orderBody("ord-3", 13)]));
    assert.deepEqual(outcome.json, { batchItemFailures: ids(0, 1, 2) });
    assert.deepEqual(processed, []);
  });

  it("keeps FIFO order: stops at a failure in the middle and reports it and every later record", async () => {
    reset();
    const bodies = [orderBody("ord-1"), orderBody("ord-2"), orderBody("ord-3", 13), orderBody("ord-4"), orderBody("ord-5")];
    const outcome = await loop.invoke(sqsEvent(bodies, FIFO_QUEUE));
    assert.deepEqual(outcome.json, { batchItemFailures: ids(2, 3, 4) });
    assert.deepEqual(processed, ["ord-1", "ord-2"]);
    assert.equal(maxInFlight, 1);
  });

  it("runs a standard-queue batch 3 records at a time and still reports the right records", async () => {
    reset();
    const bodies = Array.from({ length: 9 }, (_, i) => orderBody(`ord-${i + 1}`, i === 4 ? 13 : 1));
    const outcome = await loop.invoke(sqsEvent(bodies));
    assert.deepEqual(outcome.json, { batchItemFailures: ids(4) });
    assert.equal(maxInFlight, 3);
    assert.equal(processed.length, 8);
  });

  it("fails the whole invocation with the decode error when the event is not an SQS event", async () => {
    reset();
    const outcome = await loop.invoke({ Records: [{ messageId: "m", body: "{}" }] }, "sqs-not-sqs");
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.headers["lambda-runtime-function-error-type"], "Function.DecodeError");
    assert.equal(outcome.json.errorType, "DecodeError");
    assert.match(outcome.json.errorMessage, /^SQSEvent at \/Records\/0\/\w+/);
    assert.deepEqual(processed, []);
  });
});

describe("SQS batch handler with fifo: per-group under kata's start", () => {
  const processed: string[] = [];
  let loop: KataLoop;
  before(async () => {
    const handler = onOrderMessage(
      (message) => {
        if (message.quantity === 13) throw new Error(`unlucky order ${message.orderId}`);
        processed.push(message.orderId);
      },
      { fifo: "per-group" },
    );
    loop = await runUnderKata(handler);
  });
  after(() => loop.stop());

  it("holds back only the later records of the failed record's group", async () => {
    const groups = ["a", "b", "a", "a", "b"];
    const records = groups.map((group, i) => ({ body: orderBody(`ord-${i + 1}`, i === 2 ? 13 : 1), group }));
    const outcome = await loop.invoke(sqsEvent(records, FIFO_QUEUE));
    assert.deepEqual(outcome.json, { batchItemFailures: ids(2, 3) });
    assert.deepEqual(processed, ["ord-1", "ord-2", "ord-5"]);
  });
});
