import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runCli } from "../cli/run-cli.js";
import { rejection, TempProject } from "./support/temp-project.js";

// kata generate reads and writes inside the config's project only (the nearest package.json),
// unless --allow-outside-project says otherwise.

describe("kata generate stays inside the project", () => {
  let project: TempProject;
  let outside: string;
  before(() => {
    project = new TempProject();
    project.write("schemas/fine.json", { type: "object", properties: { id: { type: "string" } } });
    outside = mkdtempSync(join(tmpdir(), "kata-outside-"));
    writeFileSync(join(outside, "secret.json"), "secret text, not JSON");
    writeFileSync(join(outside, "money.json"), JSON.stringify({ type: "object", properties: { amount: { type: "number" } } }));
  });
  after(() => {
    project.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  it("refuses a $ref to an absolute path outside the project before opening it, so nothing of it leaks", async () => {
    project.write("schemas/order.json", { type: "object", properties: { host: { $ref: "/etc/hostname" } } });
    const error = await rejection(() => project.generate({ out: "out", events: { Order: { schema: "./schemas/order.json" } } }), "SchemaError");
    assert.equal(error.message, `schemas/order.json#/properties/host: $ref "/etc/hostname" names /etc/hostname, which is outside the project (${project.dir}); kata does not read it. Move it into the project, or run kata generate --allow-outside-project if that is intended.`);
    assert.equal(existsSync(project.path("out")), false);
  });

  it("refuses a relative $ref that climbs out of the project", async () => {
    const climb = `../${"../".repeat(project.dir.split("/").length)}${outside.slice(1)}/secret.json`;
    project.write("schemas/order.json", { type: "object", properties: { secret: { $ref: climb } } });
    const error = await rejection(() => project.generate({ out: "out", events: { Order: { schema: "./schemas/order.json" } } }), "SchemaError");
    assert.equal(error.pointer, "/properties/secret");
    assert.match(error.message, /is outside the project/);
    assert.doesNotMatch(error.message, /secret text|Unexpected token/);
  });

  it("refuses a config entry's schema path and an out folder outside the project", async () => {
    const entry = await rejection(() => project.generate({ out: "out", events: { Money: { schema: join(outside, "money.json") } } }), "ConfigError");
    assert.equal(entry.pointer, "/events/Money/schema");
    assert.match(entry.message, /names .*money\.json, which is outside the project/);
    const out = await rejection(() => project.generate({ out: join(outside, "generated"), events: { Fine: { schema: "./schemas/fine.json" } } }), "ConfigError");
    assert.equal(out.pointer, "/out");
    assert.match(out.message, /outside the project .*kata writes nothing there\. Move it into the project, or run kata generate --allow-outside-project/);
    assert.equal(existsSync(join(outside, "generated")), false);
  });

  it("allows an out folder outside with --allow-outside-project", async () => {
    project.write("kata.config.json", { out: join(outside, "generated"), events: { Fine: { schema: "./schemas/fine.json" } } });
    const refused = await runCli(["generate"], { cwd: project.dir });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^kata generate: kata\.config\.json#\/out: /m);
    assert.equal(existsSync(join(outside, "generated")), false);
    const allowed = await runCli(["generate", "--allow-outside-project"], { cwd: project.dir });
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.ok(existsSync(join(outside, "generated", "fine.ts")));
  });

  it("with --allow-outside-project, follows a $ref inside an outside schema to its neighbour, not to a file of the same name in the project", async () => {
    writeFileSync(join(outside, "order.json"), JSON.stringify({ type: "object", properties: { total: { $ref: "./money.json" } } }));
    project.write("money.json", { type: "object", properties: { label: { type: "string" } } });
    const climb = relative(project.dir, join(outside, "order.json"));
    project.write("kata.config.json", { out: "generated", events: { Order: { schema: climb }, Tag: { schema: "./money.json" } } });
    const allowed = await runCli(["generate", "--allow-outside-project"], { cwd: project.dir });
    assert.equal(allowed.code, 0, allowed.stderr);
    const types = project.read("generated/kata-types.ts");
    assert.match(types, /export interface Money \{\n {2}amount\?: number\n\}\nexport interface Order \{\n {2}total\?: Money\n\}\nexport interface Tag \{\n {2}label\?: string\n\}\n$/);
  });
});
