import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../support/fixtures.js";

// A whole-schema constant in a validator module carries every description of the schema: load
// time for nothing once the values its errors read are inlined (long enum lists included).
describe("built-in validator modules", () => {
  const dir = join(projectRoot, "generated");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".validators.ts"))) {
    it(`${file} keeps no copy of its schema`, () => {
      const constants = readFileSync(join(dir, file), "utf8").match(/^const schema\d+ = .*$/gm) ?? [];
      assert.deepEqual(constants.map((line) => line.slice(0, 80)), []);
    });
  }
});
