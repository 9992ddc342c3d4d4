import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { cognitoFixtureTypes } from "../schemas/cognito-fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({ source: "cognito-authentication", event: "PreAuthenticationTriggerEvent", otherTypes: cognitoFixtureTypes("cognito-authentication"), nestedObject: "/request" });

describe("Cognito authentication triggers as Cognito sends them", () => {
  it("accepts a version 3 pre token generation event for a client credentials grant", () => {
    const event = events.decodePreTokenGenerationV3TriggerEvent(JSON.stringify(loadEvent("cognito-authentication", "pre-token-generation-v3")));
    assert.equal(event.triggerSource, "TokenGeneration_ClientCredentials");
    assert.equal(event.response.claimsAndScopeOverrideDetails, null);
  });

  it("fills a null override when a tool sends the pre token generation response empty", () => {
    const event = loadEvent<Record<string, any>>("cognito-authentication", "pre-token-generation");
    event.response = {};
    assert.equal(events.decodePreTokenGenerationTriggerEvent(JSON.stringify(event)).response.claimsOverrideDetails, null);
  });
});
