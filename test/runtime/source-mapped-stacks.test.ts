import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { projectRoot } from "../support/fixtures.js";

const installer = pathToFileURL(join(projectRoot, "dist", "runtime", "source-mapped-stacks.js")).href;

// Line 3, column 9 is the `throw`; line 7 column 10 the call of checkOrder.
const source = `export function checkOrder(order: { id: string }): void {
  const reason = "order " + order.id + " is not valid";
  throw new RangeError(reason);
}

export function handler(): void {
  [{ id: "ord-1" }].forEach((order) => checkOrder(order));
}
`;

// Line 3 column 11 is the `throw`; line 9 column 16 the call of reject, after an await.
const asyncSource = `export class Orders {
  reject(id: string): never {
    throw new TypeError("no order " + id);
  }
}

export async function handler(): Promise<void> {
  await Promise.resolve();
  new Orders().reject("ord-2");
}
`;

/** `error.stack` of handler() in a fresh node, with kata's stack mapping installed or not. */
function stackOf(bundle: string, install: boolean): string[] {
  const script = `${install ? `(await import(${JSON.stringify(installer)})).installSourceMappedStacks();` : ""}
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    try { await handler(); } catch (error) { process.stdout.write(error.stack); }`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).split("\n");
}

describe("stacks mapped through the function's source map when formatted", () => {
  let dir: string;
  const bundleOf = (name: string, sourcemap: "linked" | "inline" | false, contents = source) => {
    const outfile = join(dir, "out", `${name}.mjs`);
    buildSync({ stdin: { contents, loader: "ts", sourcefile: "thrower.ts", resolveDir: join(dir, "src") }, bundle: true, minify: true, format: "esm", platform: "node", sourcemap, outfile, logLevel: "silent" });
    return outfile;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kata-stacks-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("names the source file, line, column and function of a minified, linked bundle", () => {
    const bundle = bundleOf("linked", "linked");
    const stack = stackOf(bundle, true);
    assert.equal(stack[0], "RangeError: order ord-1 is not valid");
    assert.match(stack[1]!, new RegExp(`^    at checkOrder \\(${escape(join(dir, "src", "thrower.ts"))}:3:9\\)$`));
    assert.equal(stack[2], `    at ${join(dir, "src", "thrower.ts")}:7:40`, "an anonymous arrow: the bare place, as V8 writes it");
    assert.match(stack.join("\n"), /at handler \(.*thrower\.ts:7:\d+\)/);
  });

  it("maps a method's frame and an async function's, by its source name", () => {
    const stack = stackOf(bundleOf("async", "linked", asyncSource), true);
    const file = escape(join(dir, "src", "thrower.ts"));
    assert.equal(stack[0], "TypeError: no order ord-2");
    assert.match(stack[1]!, new RegExp(`^    at \\w+\\.reject \\(${file}:3:11\\)$`), "the class's minified name stays: V8 gives no place for it");
    assert.match(stack[2]!, new RegExp(`^    at handler \\(${file}:9:16\\)$`));
  });

  it("reads an inline (data: URL) map, however long", () => {
    const long = `${source}// ${"a comment the map carries in its sourcesContent ".repeat(200)}\n`;
    const bundle = bundleOf("inline", "inline", long);
    assert.ok(readFileSync(bundle, "utf8").length > 10_000, "the map comment alone is longer than 10 kB");
    const stack = stackOf(bundle, true);
    assert.match(stack[1]!, /^    at checkOrder \(.*\/src\/thrower\.ts:3:9\)$/);
  });

  it("resolves sources under the map's sourceRoot, as Node's own source maps do", () => {
    const bundle = bundleOf("rooted", "linked");
    const map = JSON.parse(readFileSync(`${bundle}.map`, "utf8")) as { sources: string[]; sourceRoot?: string };
    assert.deepEqual(map.sources, ["../src/thrower.ts"]);
    writeFileSync(`${bundle}.map`, JSON.stringify({ ...map, sourceRoot: "../lib/", sources: ["thrower.ts"] }));
    const stack = stackOf(bundle, true);
    assert.match(stack[1]!, new RegExp(`^    at checkOrder \\(${escape(join(dir, "lib", "thrower.ts"))}:3:9\\)$`));
    const nodes = execFileSync(process.execPath, ["--enable-source-maps", "--input-type=module", "-e", `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); try { handler(); } catch (error) { process.stdout.write(error.stack); }`], { encoding: "utf8" });
    assert.ok(nodes.includes(`${join(dir, "lib", "thrower.ts")}:3:9`), nodes);
  });

  it("keeps Node's own first line, which names a Node error's code", () => {
    const stack = (install: boolean) => {
      const script = `${install ? `(await import(${JSON.stringify(installer)})).installSourceMappedStacks();` : ""}
        try { (await import("node:fs")).readFileSync({}); } catch (error) { process.stdout.write(error.stack); }`;
      return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).split("\n");
    };
    const mapped = stack(true);
    assert.match(mapped[0]!, /^TypeError \[ERR_INVALID_ARG_TYPE\]: The "path" argument must be/);
    assert.deepEqual(mapped, stack(false));
  });

  it("writes V8's own text for a file without a map, and for a missing or corrupt map", () => {
    const plain = bundleOf("plain", false);
    assert.deepEqual(stackOf(plain, true), stackOf(plain, false));
    assert.match(stackOf(plain, true)[1]!, /plain\.mjs:1:\d+\)$/);

    const missing = bundleOf("missing", "linked");
    rmSync(`${missing}.map`);
    assert.deepEqual(stackOf(missing, true), stackOf(missing, false));

    const corrupt = bundleOf("corrupt", "linked");
    writeFileSync(`${corrupt}.map`, readFileSync(`${corrupt}.map`, "utf8").slice(0, 40));
    assert.deepEqual(stackOf(corrupt, true), stackOf(corrupt, false));
  });
});

describe("nodeFormatsStacks: whether kata may map stacks without taking them from anyone", () => {
  const answer = (nodeArgs: string[], before = "") =>
    execFileSync(process.execPath, [...nodeArgs, "--input-type=module", "-e", `${before}process.stdout.write(String((await import(${JSON.stringify(installer)})).nodeFormatsStacks()));`], { encoding: "utf8" });

  it("is true under Node's default formatter", () => assert.equal(answer([]), "true"));
  it("is false with Node's own source maps on", () => assert.equal(answer(["--enable-source-maps"]), "false"));
  it("is false once another formatter is installed", () => assert.equal(answer([], "Error.prepareStackTrace = (error) => String(error);\n"), "false"));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
