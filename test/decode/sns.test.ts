import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "sns",
  event: "SNSEvent",
  nestedObject: "/Records/0/Sns",
});

describe("decodeSNSEvent details", () => {
  it("leaves the message as the text SNS delivered", () => {
    const event = events.decodeSNSEvent(JSON.stringify(loadEvent("sns", "base")));
    assert.equal(event.Records[0]!.Sns.Message, '{"orderId":"ord-0001","quantity":2}');
    assert.deepEqual(event.Records[0]!.Sns.MessageAttributes["priority"], { Type: "Number", Value: "1" });
  });

  it("fills MessageAttributes with an empty object when a hand-written event leaves it out", () => {
    const event = loadEvent("sns", "subject-null");
    delete event.Records[0].Sns.MessageAttributes;
    assert.deepEqual(events.decodeSNSEvent(JSON.stringify(event)).Records[0]!.Sns.MessageAttributes, {});
  });

  it("fills in place when the event is already parsed, as under the managed runtime", () => {
    const event = loadEvent("sns", "base");
    delete event.Records[0].EventSource;
    delete event.Records[0].Sns.Type;
    assert.equal(events.isSNSEvent(event), true);
    assert.deepEqual([event.Records[0].EventSource, event.Records[0].Sns.Type], ["aws:sns", "Notification"]);
  });

  it("names the missing topic ARN at its pointer", () => {
    const event = loadEvent("sns", "base");
    delete event.Records[0].Sns.TopicArn;
    assertDecodeError(() => events.decodeSNSEvent(JSON.stringify(event)), "SNSEvent", "/Records/0/Sns/TopicArn");
  });
});
