import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { TempProject } from "./support/temp-project.js";

const SHOP_FILES = [
  "create-order-v1.ts",
  "create-order.ts",
  "index.ts",
  "kata-types.ts",
  "kata-validators.ts",
  "order-message.ts",
  "order-notice-queue.ts",
  "order-notice.ts",
  "order-placed.ts",
  "order-shipped.ts",
  "order-stream.ts",
  "reindex.ts",
].map((f) => `generated/${f}`);

describe("generate and --check", () => {
  let project: TempProject;
  let config: ReturnType<TempProject["addShopConfig"]>;
  before(() => {
    project = new TempProject();
    config = project.addShopConfig();
  });
  after(() => project.remove());

  it("writes every module on the first run and reports them all", async () => {
    const result = await project.generate(config);
    assert.equal(result.files, SHOP_FILES.length);
    assert.deepEqual([...result.stale].sort(), SHOP_FILES);
    for (const file of SHOP_FILES) assert.ok(existsSync(project.path(file)), file);
  });

  it("finds nothing stale right after a run, and a second run writes nothing", async () => {
    assert.deepEqual((await project.generate(config, { check: true })).stale, []);
    assert.deepEqual((await project.generate(config)).stale, []);
  });

  it("lists an edited and a deleted module as stale, and leaves both as they are", async () => {
    const edited = `${project.read("generated/order-placed.ts")}// a hand edit\n`;
    project.write("generated/order-placed.ts", edited);
    rmSync(project.path("generated/reindex.ts"));
    const result = await project.generate(config, { check: true });
    assert.deepEqual([...result.stale].sort(), ["generated/order-placed.ts", "generated/reindex.ts"]);
    assert.equal(project.read("generated/order-placed.ts"), edited);
    assert.equal(existsSync(project.path("generated/reindex.ts")), false);
  });

  it("rewrites only the stale modules on the next run", async () => {
    const result = await project.generate(config);
    assert.deepEqual([...result.stale].sort(), ["generated/order-placed.ts", "generated/reindex.ts"]);
    assert.doesNotMatch(project.read("generated/order-placed.ts"), /a hand edit/);
    assert.deepEqual((await project.generate(config, { check: true })).stale, []);
  });

  it("sees a schema change as stale output", async () => {
    const schema = JSON.parse(project.read("schemas/reindex.json"));
    schema.properties.dryRun = { type: "boolean" };
    project.write("schemas/reindex.json", schema);
    const result = await project.generate(config, { check: true });
    assert.deepEqual([...result.stale].sort(), ["generated/kata-types.ts", "generated/kata-validators.ts"]);
  });
});
