import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { generate } from "../../generator/generate.js";
import { projectRoot } from "../support/fixtures.js";

describe("committed generated code", () => {
  it("matches schemas/, the test config and the example: run `npm run generate` and commit when this fails", async () => {
    const configs = ["kata.config.json", "sources.kata.config.json"].map((file) => join(projectRoot, "test", "fixtures", "config", file)).concat(join(projectRoot, "examples", "orders", "kata.config.json"));
    const result = await generate({ builtin: true, configs, check: true });
    assert.ok(result.files > 10, `only ${result.files} files were planned`);
    assert.deepEqual(result.stale, [], `stale: ${result.stale.join(", ")}`);
  });
});
