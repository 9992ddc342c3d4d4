import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { cognitoFixtureTypes } from "../schemas/cognito-fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({ source: "cognito-messages", event: "CustomMessageTriggerEvent", otherTypes: cognitoFixtureTypes("cognito-messages"), nestedObject: "/request" });

describe("Cognito message triggers as Cognito sends them", () => {
  it("fills null for the message fields, which Cognito sends as null", () => {
    const event = loadEvent<Record<string, unknown>>("cognito-messages", "base");
    event.response = {};
    assert.deepEqual(events.decodeCustomMessageTriggerEvent(JSON.stringify(event)).response, { smsMessage: null, emailMessage: null, emailSubject: null });
  });

  it("tells an email sender event from an SMS sender event by triggerSource", () => {
    assert.equal(events.isCustomSMSSenderTriggerEvent(loadEvent("cognito-messages", "custom-email-sender")), false);
    assert.equal(events.isCustomEmailSenderTriggerEvent(loadEvent("cognito-messages", "custom-email-sender-account-takeover")), true);
  });
});
