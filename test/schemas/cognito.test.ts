import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cognitoFixtureTypes } from "./cognito-fixtures.js";
import { describeSchemaFixtures, loadSchema } from "./schema-suite.js";

const types = cognitoFixtureTypes();
describeSchemaFixtures({
  source: "cognito",
  results: types,
  required: ["base", "pre-sign-up-external-provider", "custom-message"],
});

describe("Cognito schema details", () => {
  it("has a fixture for every user pool trigger it exports", () => {
    const schema = loadSchema("cognito");
    const covered = new Set(Object.values(types));
    for (const name of schema["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
  });
});
