import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { cognitoFixtureTypes } from "../schemas/cognito-fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({ source: "cognito-sign-up", event: "PreSignUpTriggerEvent", otherTypes: cognitoFixtureTypes("cognito-sign-up"), nestedObject: "/request" });

describe("Cognito sign-up triggers as Cognito sends them", () => {
  it("keeps a null user attribute, as Cognito sends one for an attribute without a value", () => {
    const event = events.decodePreSignUpTriggerEvent(JSON.stringify(loadEvent("cognito-sign-up", "pre-sign-up-external-provider")));
    assert.equal(event.request.userAttributes["phone_number_verified"], null);
    assert.equal(event.request.userAttributes["email_verified"], "false");
  });

  it("fills the pre sign-up response flags with false when a tool leaves the response out", () => {
    const event = loadEvent<Record<string, unknown>>("cognito-sign-up", "base");
    delete event.response;
    assert.deepEqual(events.decodePreSignUpTriggerEvent(JSON.stringify(event)).response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it("fills an empty response for a trigger whose response Cognito does not read", () => {
    const event = loadEvent<Record<string, unknown>>("cognito-sign-up", "post-confirmation");
    delete event.response;
    assert.deepEqual(events.decodePostConfirmationTriggerEvent(JSON.stringify(event)).response, {});
  });

  it("accepts a forgotten-password migration without a password", () => {
    const event = events.decodeUserMigrationTriggerEvent(JSON.stringify(loadEvent("cognito-sign-up", "user-migration-forgot-password")));
    assert.equal(event.request.password, undefined);
    assert.equal(event.response.finalUserStatus, undefined);
  });

  it("tells the triggers apart by triggerSource", () => {
    const signUp = loadEvent("cognito-sign-up", "base");
    assert.equal(events.isPreSignUpTriggerEvent(signUp), true);
    assert.equal(events.isPostConfirmationTriggerEvent(signUp), false);
  });
});
