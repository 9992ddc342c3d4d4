import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Emulator } from "../../emulator/emulator.js";
import { projectRoot } from "../support/fixtures.js";
import { makeProject, runCli } from "./run-cli.js";
import { unzip, type UnzippedEntry } from "./unzip.js";

/** `kata package`, run as a user runs it; the zip is unpacked and run as Lambda would run it. */
const project = makeProject({
  "src/orders.ts": `import { total } from "./total.js";
export async function handler(event: { Records: { body: string }[] }) {
  return { total: total(event.Records.map((record) => JSON.parse(record.body).quantity)), node: process.version };
}
export async function reject(): Promise<never> {
  throw new RangeError("an export that the bundle must leave out");
}
`,
  "src/total.ts": "export const total = (quantities: number[]): number => quantities.reduce((sum, q) => sum + q, 0);\n",
  "src/broken.ts": "export const handler = async () => {\n  return { ok: true ;\n};\n",
  "src/awaits.ts": `const counter = globalThis as { evaluations?: number };
counter.evaluations = (counter.evaluations ?? 0) + 1;
const greeting = await Promise.resolve("awaited");
export async function handler() {
  return { greeting, evaluations: counter.evaluations };
}
`,
});
after(() => project.remove());
const cwd = project.dir;
const event = { Records: [{ body: '{"quantity":3}' }, { body: '{"quantity":4}' }] };
const kataRuntimeBuilt = existsSync(join(projectRoot, "dist", "runtime", "bin.js"));

/** Unpacks entries into a folder, with their modes, as Lambda unpacks the zip into /var/task. */
function extract(entries: UnzippedEntry[], dir: string): void {
  for (const entry of entries) {
    mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
    writeFileSync(join(dir, entry.name), entry.data, { mode: entry.mode });
  }
}

/**
 * Runs an ES module script in a Node.js process started in the unpacked zip, as the managed
 * runtime imports index.mjs (in a process of its own: the stack mapper replaces
 * Error.prepareStackTrace). The script hands its result to `print`.
 */
function runUnpacked<Printed>(files: UnzippedEntry[], script: string, nodeOptions: string[] = []): Printed {
  const unpacked = makeProject({});
  try {
    extract(files, unpacked.dir);
    const program = `const print = (value) => process.stdout.write(JSON.stringify(value));\n${script}`;
    const env = { ...process.env, NODE_OPTIONS: "" };
    return JSON.parse(execFileSync(process.execPath, [...nodeOptions, "--input-type=module", "-e", program], { cwd: unpacked.dir, env, encoding: "utf8" }));
  } finally {
    unpacked.remove();
  }
}

describe("kata package for nodejs22.x", () => {
  let entries: UnzippedEntry[];
  let stdout: string;
  before(async () => {
    const run = await runCli(["package", "src/orders.handler"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    stdout = run.stdout;
    entries = unzip(readFileSync(join(cwd, "dist/function.zip")));
  });

  it("writes dist/function.zip with the bundle, its source map and kata's stack mapper, and reports their sizes", () => {
    assert.deepEqual(entries.map((e) => e.name).sort(), ["index.mjs", "index.mjs.map", "kata-source-maps.mjs"]);
    assert.match(stdout, /^ {2}index\.mjs\.map +\d+(\.\d)? k?B\n {2}index\.mjs +\d+(\.\d)? k?B\n {2}kata-source-maps\.mjs +\d\.\d kB\ndist\/function\.zip: \d+(\.\d)? k?B zipped; runtime nodejs22\.x, handler index\.handler\n$/);
  });

  it("bundles one minified, tree-shaken module that exports the handler for the managed runtime", () => {
    const code = entries.find((e) => e.name === "index.mjs")!.data.toString();
    assert.doesNotMatch(code, /an export that the bundle must leave out/);
    assert.doesNotMatch(code, /\n {2}/, "minified");
    assert.match(code, /\/\/# sourceMappingURL=index\.mjs\.map\n$/);
    assert.match(code, /^import"\.\/kata-source-maps\.mjs";/, "the stack mapper first, before the function's modules run");
    const loaded = runUnpacked<{ exports: string[]; result: { total: number } }>(entries, `const module = await import("./index.mjs");
print({ exports: Object.keys(module), result: await module.handler(${JSON.stringify(event)}) });`);
    assert.deepEqual(loaded.exports, ["handler"]);
    assert.equal(loaded.result.total, 7);
  });

  it("maps a thrown error's stack to the .ts source without NODE_OPTIONS, and leaves --enable-source-maps in charge", async () => {
    const run = await runCli(["package", "src/orders.reject", "--out", "build/reject-managed.zip"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const files = unzip(readFileSync(join(cwd, "build/reject-managed.zip")));
    const script = `const nodes = Error.prepareStackTrace;
const { reject } = await import("./index.mjs");
const stack = await reject().catch((error) => error.stack);
print({ stack, formatter: Error.prepareStackTrace === nodes ? "node's" : "replaced" });`;
    const mapped = runUnpacked<{ stack: string; formatter: string }>(files, script);
    assert.equal(mapped.formatter, "replaced");
    assert.match(mapped.stack, /^RangeError: an export that the bundle must leave out\n {4}at reject \(\/.*\/src\/orders\.ts:6:9\)\n/);
    const nodes = runUnpacked<{ stack: string; formatter: string }>(files, script, ["--enable-source-maps"]);
    assert.equal(nodes.formatter, "node's", "kata's mapper stays out of Node's way");
    assert.match(nodes.stack, /\/src\/orders\.ts:6:9\)\n/);
  });

  it("leaves a formatter that a preloaded module installed in charge", async () => {
    const files = unzip(readFileSync(join(cwd, "build/reject-managed.zip")));
    const preload = makeProject({ "wrapper.mjs": "Error.prepareStackTrace = (error, sites) => `wrapped ${error.message} (${sites.length} frames)`;\n" });
    try {
      const script = `const { reject } = await import("./index.mjs");
print(await reject().catch((error) => error.stack));`;
      const stack = runUnpacked<string>(files, script, ["--import", pathToFileURL(join(preload.dir, "wrapper.mjs")).href]);
      assert.match(stack, /^wrapped an export that the bundle must leave out \(\d+ frames\)$/);
    } finally {
      preload.remove();
    }
  });

  it("keeps a user's own module named kata-source-maps.mjs, with and without the mapper", async () => {
    const own = makeProject({
      "src/kata-source-maps.mjs": 'export const greeting = "the user\'s own module";\n',
      "src/fn.ts": 'import { greeting } from "./kata-source-maps.mjs";\nexport const handler = async () => ({ greeting });\n',
    });
    try {
      for (const [runtime, flags] of [["nodejs22.x", []], ["nodejs22.x", ["--no-sourcemap"]], ["provided.al2023", []]] as const) {
        const run = await runCli(["package", "src/fn.handler", "--runtime", runtime, ...flags, "--out", "fn.zip"], { cwd: own.dir });
        assert.equal(run.code, 0, run.stderr);
        const files = unzip(readFileSync(join(own.dir, "fn.zip")));
        const printed = runUnpacked<{ greeting: string }>(files, `print(await (await import("./index.mjs")).handler());`);
        assert.deepEqual(printed, { greeting: "the user's own module" }, `${runtime} ${flags.join(" ")}`);
      }
    } finally {
      own.remove();
    }
  });

  it("ships neither the map nor the stack mapper with --no-sourcemap", async () => {
    const run = await runCli(["package", "src/orders.handler", "--no-sourcemap", "--out", "build/no-map.zip"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const files = unzip(readFileSync(join(cwd, "build/no-map.zip")));
    assert.deepEqual(files.map((e) => e.name), ["index.mjs"]);
    assert.doesNotMatch(files[0]!.data.toString(), /kata-source-maps|sourceMappingURL/);
    assert.equal(runUnpacked<number>(files, `print((await (await import("./index.mjs")).handler(${JSON.stringify(event)})).total);`), 7);
  });

  it("gives the bundle a require() only when CommonJS code in it calls one", async () => {
    assert.doesNotMatch(entries.find((e) => e.name === "index.mjs")!.data.toString(), /createRequire/);
    const cjs = makeProject({
      "node_modules/legacy/package.json": JSON.stringify({ name: "legacy", main: "index.js" }),
      "node_modules/legacy/index.js": 'const { basename } = require("node:path");\nmodule.exports = (file) => basename(file);\n',
      "src/fn.ts": 'import base from "legacy";\nexport const handler = async () => ({ name: base("/var/task/index.mjs") });\n',
    });
    try {
      const run = await runCli(["package", "src/fn.handler", "--out", "fn.zip"], { cwd: cjs.dir });
      assert.equal(run.code, 0, run.stderr);
      const files = unzip(readFileSync(join(cjs.dir, "fn.zip")));
      assert.match(files.find((e) => e.name === "index.mjs")!.data.toString(), /^import \{ createRequire as __kataCreateRequire \} from "node:module";/);
      assert.deepEqual(runUnpacked(files, `print(await (await import("./index.mjs")).handler());`), { name: "index.mjs" });
    } finally {
      cjs.remove();
    }
  });
});

describe("kata package for provided.al2023", { skip: kataRuntimeBuilt ? false : "dist/runtime/bin.js is not built" }, () => {
  const unpacked = makeProject({});
  const baked = makeProject({});
  after(() => {
    unpacked.remove();
    baked.remove();
  });
  let entries: UnzippedEntry[];
  before(async () => {
    const runs = await Promise.all([
      runCli(["package", "src/orders.handler", "--runtime", "provided.al2023", "--out", "build/plain.zip"], { cwd }),
      runCli(["package", "src/orders.handler", "-r", "provided.al2023", "--node", process.execPath, "--out", "build/baked.zip"], { cwd }),
    ]);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    entries = unzip(readFileSync(join(cwd, "build/plain.zip")));
    extract(entries, unpacked.dir);
    extract(unzip(readFileSync(join(cwd, "build/baked.zip"))), baked.dir);
  });

  async function invokeBootstrap(dir: string, environment: Record<string, string>) {
    const emulator = await Emulator.start({ command: [join(dir, "bootstrap")], handler: "ignored.handler", taskRoot: dir, environment, logs: () => {} });
    try {
      return await emulator.invoke(event);
    } finally {
      await emulator.close();
    }
  }

  it("adds an executable bootstrap and kata's bundled runtime loop", () => {
    const modes = Object.fromEntries(entries.map((e) => [e.name, e.mode]));
    assert.deepEqual(modes, { "index.mjs": 0o644, "index.mjs.map": 0o644, "kata-runtime.cjs": 0o644, "kata-runtime.cjs.map": 0o644, bootstrap: 0o755 });
  });

  it("runs under the emulator with the Node.js named by KATA_NODE", async () => {
    const result = await invokeBootstrap(unpacked.dir, { KATA_NODE: process.execPath });
    assert.equal(result.error, undefined, result.payload.toString());
    assert.deepEqual(JSON.parse(result.payload.toString()), { total: 7, node: process.version });
  });

  /** Packages another export of the project on its own, unpacks it and invokes its bootstrap once. */
  async function invokePackaged(handler: string, zip: string) {
    const run = await runCli(["package", handler, "--runtime", "provided.al2023", "--out", zip], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const own = makeProject({});
    try {
      extract(unzip(readFileSync(join(cwd, zip))), own.dir);
      return await invokeBootstrap(own.dir, { KATA_NODE: process.execPath });
    } finally {
      own.remove();
    }
  }

  it("maps the stack trace of an error thrown by the function to its source", async () => {
    const result = await invokePackaged("src/orders.reject", "build/reject.zip");
    assert.equal(result.error?.errorType, "RangeError");
    assert.match(JSON.stringify(result.error), /src\/orders\.ts:6:\d+/);
  });

  it("runs a function with top-level await once (kata-runtime.cjs imports what require() refuses)", async () => {
    const result = await invokePackaged("src/awaits.handler", "build/awaits.zip");
    assert.equal(result.error, undefined, result.payload.toString());
    assert.deepEqual(JSON.parse(result.payload.toString()), { greeting: "awaited", evaluations: 1 });
  });

  it("runs with the --node path given at packaging when PATH has no node", async () => {
    const result = await invokeBootstrap(baked.dir, { PATH: "/nonexistent" });
    assert.equal(JSON.parse(result.payload.toString()).total, 7);
  });

  it("reports Runtime.NodeNotFound as an init error when there is no Node.js", async () => {
    const missing = await invokeBootstrap(unpacked.dir, { PATH: "/nonexistent" });
    assert.equal(missing.phase, "init");
    assert.deepEqual(missing.error, {
      errorType: "Runtime.NodeNotFound",
      errorMessage: "No Node.js found: OS-only runtimes have none. Add a layer with bin/node, set KATA_NODE, or package with --runtime nodejs22.x.",
    });
    const wrong = await invokeBootstrap(unpacked.dir, { KATA_NODE: "/nonexistent/node" });
    assert.equal(wrong.error?.errorMessage, "KATA_NODE is set to /nonexistent/node, which is not an executable file.");
  });
});

describe("kata package refuses bad input", { concurrency: true }, () => {
  const cases: [string, string[], string][] = [
    ["a missing export", ["package", "src/orders.nothing"], 'kata package: src/orders.ts has no export "nothing"; name an exported function as module.export'],
    ["a syntax error, with its place", ["package", "src/broken.handler"], "kata package: src/broken.ts:2:21: Expected \"}\" but found \";\""],
    ["--node for a managed runtime", ["package", "src/orders.handler", "--node", "/opt/bin/node"], "kata package: --node is for provided.* runtimes; nodejs22.x runs its own Node.js"],
  ];
  for (const [what, args, line] of cases) {
    it(`exits 1 on ${what}`, async () => {
      const run = await runCli([...args, "--out", `build/${what.replace(/\W+/g, "-")}.zip`], { cwd });
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trimEnd().split("\n").at(-1), line);
    });
  }
});
