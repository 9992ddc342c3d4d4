import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { makeProject, runCli } from "./run-cli.js";

/**
 * What each `kata` command loads. The code generator's libraries (ts-morph, which carries the
 * TypeScript compiler, and json-schema-to-typescript) take about 0.4 s to load: only `kata
 * generate` and what generates may pay that, not `kata --help`, `invoke`, `package` or `events`.
 * A preload lists the CommonJS modules in Node's cache when the process exits (those libraries
 * are CommonJS, so an ES import of them lands there too).
 */
const GENERATOR_LIBRARIES = /[/\\]node_modules[/\\](ts-morph|@ts-morph[/\\]common|typescript|json-schema-to-typescript)[/\\]/;

const project = makeProject({
  "fn.mjs": "export const handler = async (event) => ({ records: event.Records.length });\n",
  "record-modules.mjs": `import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
const require = createRequire(import.meta.url);
process.on("exit", () => writeFileSync(process.env.KATA_TEST_MODULES, JSON.stringify(Object.keys(require.cache))));
`,
  "kata.config.json": JSON.stringify({ out: "./generated", events: { Order: { schema: "./order.json" } } }),
  "order.json": JSON.stringify({ type: "object", required: ["orderId"], properties: { orderId: { type: "string" } } }),
});
after(() => project.remove());

async function modulesOf(args: string[]): Promise<string[]> {
  const file = join(project.dir, `modules-${args.join("-").replace(/\W+/g, "_")}.json`);
  const env = { NODE_OPTIONS: `--import=${pathToFileURL(join(project.dir, "record-modules.mjs")).href}`, KATA_TEST_MODULES: file };
  const run = await runCli(args, { cwd: project.dir, env });
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(readFileSync(file, "utf8")) as string[];
}

describe("the kata CLI loads the code generator only for what generates", { concurrency: true }, () => {
  const light: [string, string[]][] = [
    ["kata --version", ["--version"]],
    ["kata --help", ["--help"]],
    ["kata events", ["events"]],
    ["kata invoke", ["invoke", "fn.handler", "--event", "sqs"]],
    ["kata package", ["package", "fn.handler", "--out", "fn.zip"]],
  ];
  for (const [what, args] of light) {
    it(`${what} does not load ts-morph, TypeScript or json-schema-to-typescript`, async () => {
      assert.deepEqual((await modulesOf(args)).filter((path) => GENERATOR_LIBRARIES.test(path)), []);
    });
  }

  it("kata generate does load them (so the probe above sees them)", async () => {
    const loaded = (await modulesOf(["generate"])).filter((path) => GENERATOR_LIBRARIES.test(path));
    assert.ok(loaded.some((path) => /[/\\]ts-morph[/\\]/.test(path)), loaded.join("\n"));
    assert.ok(loaded.some((path) => /[/\\]json-schema-to-typescript[/\\]/.test(path)), loaded.join("\n"));
  });
});
