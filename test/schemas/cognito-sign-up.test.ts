import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cognitoFixtureTypes } from "./cognito-fixtures.js";
import { describeSchemaFixtures, loadSchema } from "./schema-suite.js";

const types = cognitoFixtureTypes("cognito-sign-up");
describeSchemaFixtures({ source: "cognito-sign-up", results: types, required: ["base", "pre-sign-up-external-provider"] });

describe("cognito-sign-up schema details", () => {
  it("has a fixture for every trigger it exports", () => {
    const covered = new Set(Object.values(types));
    for (const name of loadSchema("cognito-sign-up")["x-kata-exports"] ?? []) assert.ok(covered.has(name), `no fixture for ${name}`);
  });
});
