import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { Emulator } from "../../emulator/emulator.js";
import { packedKata } from "../support/packed-kata.js";

/**
 * The `kata-runtime` bin as a container image runs it from node_modules: CommonJS (Node then
 * starts without its ES module loader, about 3 ms sooner), one file, loading the handler of either
 * module format from the task root.
 */
const run = promisify(execFile);

describe("the kata-runtime bin of the packed kata", () => {
  let root: string;
  let bin: string;
  const emulators: Emulator[] = [];
  before(async () => {
    root = mkdtempSync(join(tmpdir(), "kata-runtime-bin-"));
    const kata = join(root, "node_modules", "kata");
    mkdirSync(kata, { recursive: true });
    await run("tar", ["xzf", packedKata().tarball, "-C", kata, "--strip-components=1"]);
    const { bin: bins } = JSON.parse(readFileSync(join(kata, "package.json"), "utf8")) as { bin: Record<string, string> };
    bin = join(kata, bins["kata-runtime"]!);
    writeFileSync(join(root, "orders.mjs"), "export const handler = async (event, context) => ({ format: 'esm', orderId: event.orderId, requestId: context.awsRequestId });\n");
    writeFileSync(join(root, "legacy.cjs"), "exports.handler = async (event) => ({ format: 'cjs', orderId: event.orderId });\n");
  });
  after(async () => {
    await Promise.all(emulators.map((emulator) => emulator.close()));
    rmSync(root, { recursive: true, force: true });
  });

  async function invoke(handler: string, event: unknown) {
    const emulator = await Emulator.start({ command: [process.execPath, bin], handler, taskRoot: root, logs: () => {} });
    emulators.push(emulator);
    return emulator.invoke(event);
  }

  it("is one CommonJS file, with its source map", () => {
    assert.match(bin, /\/dist\/runtime\/bin\.cjs$/);
    const code = readFileSync(bin, "utf8");
    assert.match(code, /^#!\/usr\/bin\/env node\n"use strict";/);
    assert.doesNotMatch(code, /\brequire\("\.\.?\//, "no module of kata's own is loaded at start");
    assert.match(code, /\/\/# sourceMappingURL=bin\.cjs\.map\n$/);
    const { sources } = JSON.parse(readFileSync(`${bin}.map`, "utf8")) as { sources: string[] };
    assert.ok(sources.includes("../../runtime/bin.ts"), "the map points at the TypeScript sources");
  });

  it("runs an ES module handler and a CommonJS one", async () => {
    const esm = await invoke("orders.handler", { orderId: "ord-1" });
    assert.equal(esm.error, undefined, esm.payload.toString());
    assert.deepEqual(JSON.parse(esm.payload.toString()), { format: "esm", orderId: "ord-1", requestId: esm.requestId });
    const cjs = await invoke("legacy.handler", { orderId: "ord-2" });
    assert.deepEqual(JSON.parse(cjs.payload.toString()), { format: "cjs", orderId: "ord-2" });
  });

  it("reports a handler that is missing as an init error naming it", async () => {
    const missing = await invoke("absent.handler", {});
    assert.equal(missing.phase, "init");
    assert.equal(missing.error?.errorType, "Runtime.ImportModuleError");
    assert.match(missing.error?.errorMessage ?? "", /absent/);
  });
});
