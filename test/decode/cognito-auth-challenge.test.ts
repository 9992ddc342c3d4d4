import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { cognitoFixtureTypes } from "../schemas/cognito-fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({ source: "cognito-auth-challenge", event: "DefineAuthChallengeTriggerEvent", otherTypes: cognitoFixtureTypes("cognito-auth-challenge"), nestedObject: "/request" });

describe("Cognito custom authentication triggers", () => {
  it("fills issueTokens and failAuthentication with false when the define response is empty", () => {
    const event = loadEvent<Record<string, unknown>>("cognito-auth-challenge", "base");
    event.response = {};
    const decoded = events.decodeDefineAuthChallengeTriggerEvent(JSON.stringify(event));
    assert.deepEqual(decoded.response, { issueTokens: false, failAuthentication: false });
  });

  it("accepts challenge names that Cognito added after @types/aws-lambda listed them", () => {
    const event = loadEvent<Record<string, any>>("cognito-auth-challenge", "base");
    event.request.session = [{ challengeName: "EMAIL_OTP", challengeResult: true }];
    assert.equal(events.isDefineAuthChallengeTriggerEvent(event), true);
  });
});
