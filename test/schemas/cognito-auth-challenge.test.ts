import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cognitoFixtureTypes } from "./cognito-fixtures.js";
import { describeSchemaFixtures, loadSchema } from "./schema-suite.js";

const types = cognitoFixtureTypes("cognito-auth-challenge");
describeSchemaFixtures({ source: "cognito-auth-challenge", results: types, required: ["base", "create-auth-challenge"] });

describe("cognito-auth-challenge schema details", () => {
  it("has a fixture for every trigger it exports", () => {
    const covered = new Set(Object.values(types));
    for (const name of loadSchema("cognito-auth-challenge")["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
  });
});
