import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cognitoFixtureTypes } from "./cognito-fixtures.js";
import { describeSchemaFixtures, loadSchema } from "./schema-suite.js";

const types = cognitoFixtureTypes("cognito-authentication");
describeSchemaFixtures({ source: "cognito-authentication", results: types, required: ["base", "pre-token-generation-v3"] });

describe("cognito-authentication schema details", () => {
  it("has a fixture for every trigger it exports", () => {
    const covered = new Set(Object.values(types));
    for (const name of loadSchema("cognito-authentication")["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
  });
});
