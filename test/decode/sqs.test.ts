import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "sqs",
  event: "SQSEvent",
  result: "SQSBatchResponse",
  otherResults: ["batch-response"],
  nestedObject: "/Records/0",
});

describe("decodeSQSEvent details", () => {
  it("leaves record bodies as the text SQS delivered", () => {
    const event = events.decodeSQSEvent(JSON.stringify(loadEvent("sqs", "ten-records")));
    assert.equal(event.Records.length, 10);
    for (const record of event.Records) assert.equal(typeof record.body, "string");
  });

  it("reports every bad record of a batch, not only the first", () => {
    const event = loadEvent("sqs", "ten-records");
    delete event.Records[2].messageId;
    event.Records[7].eventSource = "aws:sns";
    const error = assertDecodeError(() => events.decodeSQSEvent(JSON.stringify(event)), "SQSEvent", "/Records/2/messageId");
    assert.deepEqual(
      error.issues.map((issue) => issue.path),
      ["/Records/2/messageId", "/Records/7/eventSource"],
    );
    assert.match(error.message, /\(and 1 more issue\)$/);
  });

  it("rejects a batch item failure without itemIdentifier at its pointer", () => {
    const text = JSON.stringify({ batchItemFailures: [{ itemIdentifier: "a" }, { id: "b" }] });
    assertDecodeError(() => events.decodeSQSBatchResponse(text), "SQSBatchResponse", "/batchItemFailures/1/itemIdentifier");
  });
});
