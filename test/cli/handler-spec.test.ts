import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { HandlerNotFoundError, resolveHandler } from "../../cli/handler-spec.js";
import { execCommand } from "../../cli/function-options.js";
import { makeProject } from "./run-cli.js";

describe("handler names", () => {
  const project = makeProject({ "src/orders.ts": "export const handler = () => 1;", "lib/legacy.cjs": "exports.main = () => 1;", "app.js": "" });
  after(() => project.remove());

  it("resolves path/to/module.export, TypeScript first", () => {
    assert.deepEqual(resolveHandler("src/orders.handler", project.dir), { spec: "src/orders.handler", file: join(project.dir, "src/orders.ts"), exportName: "handler", typescript: true });
    assert.deepEqual(resolveHandler("lib/legacy.main", project.dir), { spec: "lib/legacy.main", file: join(project.dir, "lib/legacy.cjs"), exportName: "main", typescript: false });
  });

  it("accepts a written extension, a nested export, and defaults the export to handler", () => {
    assert.equal(resolveHandler("src/orders.ts.create", project.dir).exportName, "create");
    assert.equal(resolveHandler("src/orders.ts", project.dir).exportName, "handler");
    assert.equal(resolveHandler("src/orders", project.dir).exportName, "handler");
    assert.equal(resolveHandler("src/orders.handlers.create", project.dir).exportName, "handlers.create");
    assert.equal(resolveHandler("app.js.main", project.dir).file, join(project.dir, "app.js"));
  });

  it("names every file it looked for when the module is missing", () => {
    assert.throws(() => resolveHandler("src/missing.handler", project.dir), (error: unknown) => {
      assert.ok(error instanceof HandlerNotFoundError);
      assert.equal(error.message, `no module for handler "src/missing.handler": none of src/missing.ts, src/missing.mts, src/missing.cts, src/missing.js, src/missing.mjs, src/missing.cjs exists (in ${project.dir})`);
      return true;
    });
    assert.throws(() => resolveHandler("src/orders.mjs.handler", project.dir), /none of src\/orders\.mjs exists/);
  });

  it("runs an --exec command directly unless it needs a shell", () => {
    assert.deepEqual(execCommand("./bootstrap"), ["./bootstrap"]);
    assert.deepEqual(execCommand("node  runtime.mjs index.handler"), ["node", "runtime.mjs", "index.handler"]);
    assert.deepEqual(execCommand("cd build && ./bootstrap"), ["/bin/sh", "-c", "cd build && ./bootstrap"]);
  });
});
