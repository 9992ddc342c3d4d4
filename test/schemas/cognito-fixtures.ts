import { fixtureNames } from "./schema-suite.js";

/**
 * Which trigger type each Cognito fixture is, by the start of its name (`invalid-` removed). Other
 * fixtures (`base`, `pre-sign-up-*`) are pre sign-up events, the schema's root type.
 */
const TRIGGER_OF_PREFIX: Array<[string, string]> = [
  ["post-confirmation", "PostConfirmationTriggerEvent"],
  ["pre-authentication", "PreAuthenticationTriggerEvent"],
  ["post-authentication", "PostAuthenticationTriggerEvent"],
  ["define-auth-challenge", "DefineAuthChallengeTriggerEvent"],
  ["create-auth-challenge", "CreateAuthChallengeTriggerEvent"],
  ["verify-auth-challenge", "VerifyAuthChallengeResponseTriggerEvent"],
  ["pre-token-generation-v2", "PreTokenGenerationV2TriggerEvent"],
  ["pre-token-generation-v3", "PreTokenGenerationV3TriggerEvent"],
  ["pre-token-generation", "PreTokenGenerationTriggerEvent"],
  ["user-migration", "UserMigrationTriggerEvent"],
  ["custom-message", "CustomMessageTriggerEvent"],
  ["custom-email-sender", "CustomEmailSenderTriggerEvent"],
  ["custom-sms-sender", "CustomSMSSenderTriggerEvent"],
];

/** Fixture name → trigger type, for every Cognito fixture that is not a pre sign-up event. */
export function cognitoFixtureTypes(): Record<string, string> {
  const types: Record<string, string> = {};
  for (const name of fixtureNames("cognito")) {
    const match = TRIGGER_OF_PREFIX.find(([prefix]) => name.replace(/^invalid-/, "").startsWith(prefix));
    if (match) types[name] = match[1];
  }
  return types;
}
