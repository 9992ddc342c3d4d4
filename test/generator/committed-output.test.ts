import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { generate } from "../../generator/generate.js";
import { projectRoot } from "../support/fixtures.js";

describe("committed generated code", () => {
  it("matches schemas/ and the test config: run `npm run generate` and commit when this fails", async () => {
    const result = await generate({ builtin: true, configs: [join(projectRoot, "test", "fixtures", "config", "kata.config.json")], check: true });
    assert.ok(result.files > 10, `only ${result.files} files were planned`);
    assert.deepEqual(result.stale, [], `stale: ${result.stale.join(", ")}`);
  });
});
