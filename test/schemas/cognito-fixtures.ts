import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { describeSchemaFixtures, fixtureNames, loadSchema } from "./schema-suite.js";

/** Which trigger type each Cognito fixture is, by the start of its name (`invalid-` removed). */
const TRIGGER_OF_PREFIX: Array<[string, string]> = [
  ["pre-sign-up", "PreSignUpTriggerEvent"],
  ["post-confirmation", "PostConfirmationTriggerEvent"],
  ["user-migration", "UserMigrationTriggerEvent"],
  ["pre-authentication", "PreAuthenticationTriggerEvent"],
  ["post-authentication", "PostAuthenticationTriggerEvent"],
  ["pre-token-generation-v2", "PreTokenGenerationV2TriggerEvent"],
  ["pre-token-generation-v3", "PreTokenGenerationV3TriggerEvent"],
  ["pre-token-generation", "PreTokenGenerationTriggerEvent"],
  ["define-auth-challenge", "DefineAuthChallengeTriggerEvent"],
  ["create-auth-challenge", "CreateAuthChallengeTriggerEvent"],
  ["verify-auth-challenge", "VerifyAuthChallengeResponseTriggerEvent"],
  ["custom-message", "CustomMessageTriggerEvent"],
  ["custom-email-sender", "CustomEmailSenderTriggerEvent"],
  ["custom-sms-sender", "CustomSMSSenderTriggerEvent"],
];

/**
 * Fixture name → trigger type for the fixtures of one Cognito family (`cognito-sign-up`, ...) that
 * are not of the family's root type; the others (`base`, ...) are checked as the root type.
 */
export function cognitoFixtureTypes(source: string): Record<string, string> {
  const root = loadSchema(source).title;
  const types: Record<string, string> = {};
  for (const name of fixtureNames(source)) {
    const match = TRIGGER_OF_PREFIX.find(([prefix]) => name.replace(/^invalid-/, "").startsWith(prefix));
    if (match && match[1] !== root) types[name] = match[1];
  }
  return types;
}

/** The schema suite for one Cognito family, and a check that every trigger it exports has a fixture. */
export function describeCognitoSchema(source: string, required: string[]): void {
  const types = cognitoFixtureTypes(source);
  describeSchemaFixtures({ source, results: types, required });
  describe(`${source} schema details`, () => {
    it("has a fixture for every trigger it exports", () => {
      const covered = new Set(Object.values(types));
      for (const name of loadSchema(source)["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
    });
  });
}
