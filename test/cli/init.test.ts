import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packedKata } from "../support/packed-kata.js";
import { runCli } from "./run-cli.js";

/**
 * `kata init`, then what a new user does: install kata from its packed tarball (offline, from the
 * npm cache: kata's own dependencies and typescript / @types/node are there once kata is
 * installed), the scaffold's own `npm test`, then `npm run invoke`.
 */
const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "kata-init-"));
after(() => rmSync(root, { recursive: true, force: true }));
// Without NODE_TEST_CONTEXT, which would make the scaffold's own `node --test` report to this runner instead of printing.
const { NODE_TEST_CONTEXT: _, ...env } = process.env;
const npm = (args: string[], cwd: string) => run("npm", args, { cwd, encoding: "utf8", env: { ...env, npm_config_update_notifier: "false" } });

describe("kata init", { concurrency: 2 }, () => {
  const app = join(root, "orders");
  before(async () => {
    const init = await runCli(["init", "orders"], { cwd: root });
    assert.equal(init.code, 0, init.stderr);
    try {
      // From the npm cache where it can (npm ci filled it with kata's own dependencies); a fresh CI
      // cache lacks some registry metadata, which only then is fetched from the registry.
      await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", packedKata().tarball], app);
    } catch (error) {
      throw new Error(`npm install of the packed kata into the scaffold failed (it needs the npm cache or the npm registry): ${(error as { stderr?: string }).stderr}`);
    }
  });

  it("scaffolds an ESM project with the scripts, one SQS entry, its schema, a handler, a test, a sample event and a .gitignore", () => {
    const manifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
    assert.equal(manifest.type, "module");
    assert.deepEqual(Object.keys(manifest.scripts), ["generate", "build", "test", "invoke", "serve", "package"]);
    assert.deepEqual(JSON.parse(readFileSync(join(app, "kata.config.json"), "utf8")), { out: "src/generated", events: { OrderMessage: { source: "sqs", body: "./schemas/order-message.json" } } });
    for (const file of ["tsconfig.json", "src/order-message.ts", "test/order-message.test.ts", "events/order-message.json"]) assert.ok(existsSync(join(app, file)), file);
    assert.equal(readFileSync(join(app, ".gitignore"), "utf8"), "node_modules/\ndist/\n");
  });

  it("passes its own npm test, and npm run invoke answers with an empty partial batch response", async () => {
    const test = await npm(["test"], app);
    assert.match(test.stdout, /^# pass 2$/m);
    assert.match(test.stdout, /^# fail 0$/m);
    const invoke = await npm(["run", "--silent", "invoke"], app);
    assert.deepEqual(JSON.parse(invoke.stdout), { batchItemFailures: [] });
    assert.match(invoke.stderr, /INFO\treserved 1 for ord-a/);
  });

  for (const [source, name] of [["eventbridge", "OrderPlaced"], ["apigw-v2", "CreateOrder"], ["apigw-v1", "PlaceOrder"], ["kinesis", "OrderRecord"], ["dynamodb", "OrderItem"], ["sns", "OrderNotice"], ["plain", "Reindex"]] as const) {
    it(`scaffolds --source ${source} --name ${name} whose tests pass`, async () => {
      const dir = join(root, source);
      const init = await runCli(["init", source, "--source", source, "--name", name], { cwd: root });
      assert.equal(init.code, 0, init.stderr);
      symlinkSync(join(app, "node_modules"), join(dir, "node_modules"), "dir"); // the same install as above
      const test = await npm(["test"], dir);
      assert.match(test.stdout, /^# pass 2$/m);
      const invoke = await npm(["run", "--silent", "invoke"], dir);
      const result = JSON.parse(invoke.stdout);
      if (source === "eventbridge") assert.deepEqual(result, { acknowledged: "ord-a" });
      else if (source === "plain") assert.deepEqual(result, { orderId: "ord-a", total: 1 });
      else if (source === "kinesis" || source === "dynamodb") assert.deepEqual(result, { batchItemFailures: [] });
      else if (source === "sns") assert.equal(result, null);
      else assert.equal(result.statusCode, 201);
    });
  }

  it("overwrites nothing: it names the files that exist and writes none", async () => {
    const dir = join(root, "taken");
    const first = await runCli(["init", "taken", "--source", "plain"], { cwd: root });
    assert.equal(first.code, 0);
    writeFileSync(join(dir, "src/reindex.ts"), "// mine\n");
    rmSync(join(dir, "package.json"));
    const again = await runCli(["init", "taken", "--source", "plain"], { cwd: root });
    assert.equal(again.code, 1);
    assert.equal(again.stderr, "kata init: taken already has tsconfig.json, kata.config.json, schemas/reindex.json, src/reindex.ts, test/reindex.test.ts, .gitignore, events/reindex.json; kata init overwrites nothing. Move them away or pick another folder.\n");
    assert.equal(readFileSync(join(dir, "src/reindex.ts"), "utf8"), "// mine\n");
    assert.equal(existsSync(join(dir, "package.json")), false);
  });

  it("refuses a --name that cannot be a type name", async () => {
    const bad = await runCli(["init", "bad", "--name", "order-message"], { cwd: root });
    assert.deepEqual([bad.code, bad.stderr], [1, "kata init: --name order-message is not usable: use PascalCase letters and digits (e.g. OrderPlaced), since it becomes the type name\n"]);
  });
});
