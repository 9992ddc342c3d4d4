import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { onCreateOrder, onOrderMessage, onReindex } from "../generated/index.js";
import { FIFO_QUEUE, httpApiRequest, orderBody, sqsEvent } from "./support/events.js";
import { managedContext } from "./support/context.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// With AWS_LAMBDA_LOG_FORMAT=JSON, kata's own lines are one JSON object each: the managed
// runtime's fields, then `reason`, `messageId`, `issues`... at the top level (no JSON text inside
// `message`), so that CloudWatch Logs Insights can filter on them.

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The loop's lines for one request, parsed, with the timestamp checked and dropped. */
function linesOf(loop: KataLoop, requestId: string): Record<string, unknown>[] {
  return loop.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.requestId === requestId)
    .map(({ timestamp, ...rest }) => {
      assert.match(String(timestamp), TIMESTAMP);
      return rest;
    });
}

function underJsonLogging(handler: unknown): { loop: () => KataLoop } {
  let loop: KataLoop;
  const previous = process.env.AWS_LAMBDA_LOG_FORMAT;
  before(async () => {
    process.env.AWS_LAMBDA_LOG_FORMAT = "JSON";
    loop = await runUnderKata(handler);
  });
  after(async () => {
    await loop.stop();
    if (previous === undefined) delete process.env.AWS_LAMBDA_LOG_FORMAT;
    else process.env.AWS_LAMBDA_LOG_FORMAT = previous;
  });
  return { loop: () => loop };
}

describe("kata's log lines with AWS_LAMBDA_LOG_FORMAT=JSON", () => {
  describe("SQS record failures", () => {
    const { loop } = underJsonLogging(
      onOrderMessage(async (message) => {
        if (message.quantity === 13) throw new TypeError(`unlucky order ${message.orderId}`);
      }),
    );

    it("log an invalid body with its issues, and a throwing fn with its error, as top-level fields", async () => {
      const outcome = await loop().invoke(sqsEvent([orderBody("ord-1"), JSON.stringify({ orderId: "ord-2", quantity: "2" }), orderBody("ord-3", 13)]), "json-sqs");
      assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "msg-1" }, { itemIdentifier: "msg-2" }] });
      const [invalid, threw, ...rest] = linesOf(loop(), "json-sqs");
      assert.deepEqual(rest, []);
      assert.deepEqual(invalid, {
        level: "ERROR",
        requestId: "json-sqs",
        message: "SQS record body is not a valid OrderMessage: not passed to the handler; it goes back to the queue, then to its dead-letter queue. Fix the producer.",
        reason: "invalid-body",
        messageId: "msg-1",
        pointer: "/Records/1",
        issues: [{ path: "/Records/1/body/quantity", message: "must be integer" }],
      });
      const { stack, ...error } = threw!;
      assert.match(String(stack), /^TypeError: unlucky order ord-3\n    at /);
      assert.deepEqual(error, {
        level: "ERROR",
        requestId: "json-sqs",
        message: "OrderMessage handler threw: the record goes back to the queue to be retried.",
        reason: "handler-error",
        messageId: "msg-2",
        pointer: "/Records/2",
        errorType: "TypeError",
        errorMessage: "unlucky order ord-3",
      });
      assert.deepEqual(Object.keys(invalid!), ["level", "requestId", "message", "reason", "messageId", "pointer", "issues"]);
    });

    it("log a FIFO record held back as WARN with the record that blocked it", async () => {
      const bodies = [orderBody("ord-1", 13), orderBody("ord-2")].map((body) => ({ body, group: "g" }));
      await loop().invoke(sqsEvent(bodies, FIFO_QUEUE), "json-fifo");
      const [, skipped] = linesOf(loop(), "json-fifo");
      assert.deepEqual(skipped, {
        level: "WARN",
        requestId: "json-fifo",
        message: "Not processed because an earlier record of its FIFO ordering failed (messageId msg-0): it goes back to the queue so that order is kept.",
        reason: "skipped",
        messageId: "msg-1",
        pointer: "/Records/1",
        blockedBy: "msg-0",
      });
    });
  });

  describe("an event that fails to decode", () => {
    const { loop } = underJsonLogging(onReindex(async () => "done"));

    it("logs Invoke Error with the DecodeError's type name and issues as fields", async () => {
      const outcome = await loop().invoke({ index: "everything" }, "json-decode");
      assert.equal(outcome.kind, "error");
      const [line, ...rest] = linesOf(loop(), "json-decode");
      assert.deepEqual(rest, []);
      const { stackTrace, ...fields } = line!;
      assert.ok(Array.isArray(stackTrace) && String(stackTrace[0]).startsWith("DecodeError: Reindex at /index: "), String(stackTrace));
      assert.deepEqual(fields, {
        level: "ERROR",
        requestId: "json-decode",
        message: "Invoke Error",
        errorType: "DecodeError",
        errorMessage: 'Reindex at /index: must be one of ["orders","customers"]',
        typeName: "Reindex",
        issues: [{ path: "/index", message: 'must be one of ["orders","customers"]' }],
      });
    });
  });

  describe("an API request rejected with 400", () => {
    const { loop } = underJsonLogging(onCreateOrder(async () => ({ statusCode: 201 })));

    it("gets one WARN line with its issues", async () => {
      const outcome = await loop().invoke(httpApiRequest({ body: JSON.stringify({ customerId: "cus_1", lines: [] }) }), "json-400");
      assert.equal(outcome.json.statusCode, 400);
      assert.deepEqual(linesOf(loop(), "json-400"), [
        {
          level: "WARN",
          requestId: "json-400",
          message: "API request rejected with 400: it does not match CreateOrder; the function was not called. Fix the client.",
          reason: "invalid-request",
          typeName: "CreateOrder",
          issues: [{ path: "/body/lines", message: "must NOT have fewer than 1 items" }],
        },
      ]);
    });
  });
});

describe("kata's log lines with AWS_LAMBDA_LOG_FORMAT=JSON under the managed runtime (no kata loop)", () => {
  it("go straight to stdout as one JSON object, as Powertools' lines do", async (t) => {
    const previous = process.env.AWS_LAMBDA_LOG_FORMAT;
    process.env.AWS_LAMBDA_LOG_FORMAT = "JSON";
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stdout.write;
    t.after(() => {
      process.stdout.write = write;
      if (previous === undefined) delete process.env.AWS_LAMBDA_LOG_FORMAT;
      else process.env.AWS_LAMBDA_LOG_FORMAT = previous;
    });
    const result = await onOrderMessage(async () => {})(sqsEvent(["not json"]), managedContext("managed-json"));
    process.stdout.write = write;
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: "msg-0" }] });
    assert.equal(written.length, 1);
    assert.ok(written[0]!.endsWith("}\n"));
    const { timestamp, ...line } = JSON.parse(written[0]!);
    assert.match(timestamp, TIMESTAMP);
    assert.deepEqual(line, {
      level: "ERROR",
      requestId: "managed-json",
      message: "SQS record body is not a valid OrderMessage: not passed to the handler; it goes back to the queue, then to its dead-letter queue. Fix the producer.",
      reason: "invalid-body",
      messageId: "msg-0",
      pointer: "/Records/0",
      issues: [{ path: "/Records/0/body", message: "is not JSON: Unexpected token 'o' at position 0 (line 1, column 1)" }],
    });
  });
});
