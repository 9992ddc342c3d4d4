import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { cognitoFixtureTypes } from "../schemas/cognito-fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "cognito",
  event: "PreSignUpTriggerEvent",
  types: cognitoFixtureTypes(),
  nestedObject: "/request",
});

describe("Cognito trigger events as Cognito sends them", () => {
  it("keeps a null user attribute, as Cognito sends one for an attribute without a value", () => {
    const event = events.decodePreSignUpTriggerEvent(JSON.stringify(loadEvent("cognito", "pre-sign-up-external-provider")));
    assert.equal(event.request.userAttributes["phone_number_verified"], null);
    assert.equal(event.request.userAttributes["email_verified"], "false");
  });

  it("fills the pre sign-up response flags with false when a tool leaves the response out", () => {
    const event = loadEvent<Record<string, unknown>>("cognito", "base");
    delete event.response;
    const decoded = events.decodePreSignUpTriggerEvent(JSON.stringify(event));
    assert.deepEqual(decoded.response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it("fills null for response fields that Cognito sends as null, and an empty response where it reads none", () => {
    const message = loadEvent<Record<string, unknown>>("cognito", "custom-message");
    message.response = {};
    assert.deepEqual(events.decodeCustomMessageTriggerEvent(JSON.stringify(message)).response, { smsMessage: null, emailMessage: null, emailSubject: null });
    const confirmation = loadEvent<Record<string, unknown>>("cognito", "post-confirmation");
    delete confirmation.response;
    assert.deepEqual(events.decodePostConfirmationTriggerEvent(JSON.stringify(confirmation)).response, {});
  });

  it("accepts a version 3 pre token generation event for a client credentials grant", () => {
    const event = events.decodePreTokenGenerationV3TriggerEvent(JSON.stringify(loadEvent("cognito", "pre-token-generation-v3")));
    assert.equal(event.triggerSource, "TokenGeneration_ClientCredentials");
    assert.equal(event.response.claimsAndScopeOverrideDetails, null);
  });

  it("tells the triggers apart by triggerSource", () => {
    const signUp = loadEvent("cognito", "base");
    assert.equal(events.isPreSignUpTriggerEvent(signUp), true);
    assert.equal(events.isPostConfirmationTriggerEvent(signUp), false);
    assert.equal(events.isCustomSMSSenderTriggerEvent(loadEvent("cognito", "custom-email-sender")), false);
  });
});
