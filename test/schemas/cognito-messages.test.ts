import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cognitoFixtureTypes } from "./cognito-fixtures.js";
import { describeSchemaFixtures, loadSchema } from "./schema-suite.js";

const types = cognitoFixtureTypes("cognito-messages");
describeSchemaFixtures({ source: "cognito-messages", results: types, required: ["base", "custom-email-sender-account-takeover"] });

describe("cognito-messages schema details", () => {
  it("has a fixture for every trigger it exports", () => {
    const covered = new Set(Object.values(types));
    for (const name of loadSchema("cognito-messages")["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
  });
});
