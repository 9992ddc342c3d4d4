import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { TempProject } from "../generator/support/temp-project.js";
import { runCli, type CliRun } from "./run-cli.js";

/** A failed `kata generate`: exit code 1 and exactly one line on stderr, without a stack trace. */
function assertOneLineFailure(run: CliRun): string {
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stdout, "");
  const lines = run.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /^\s+at /m);
  assert.ok(lines[0]!.startsWith("kata generate: "), lines[0]);
  return lines[0]!;
}

describe("kata generate: failures", { concurrency: true }, () => {
  const projects: TempProject[] = [];
  const project = () => {
    const created = new TempProject();
    projects.push(created);
    return created;
  };
  after(() => {
    for (const created of projects) created.remove();
  });

  it("says so in one line when there is no kata.config.json", async () => {
    const line = assertOneLineFailure(await runCli(["generate"], { cwd: project().dir }));
    assert.equal(line, "kata generate: kata.config.json: file not found. Check the path (relative paths start from the config file's folder).");
  });

  it("gives line and column of a config that is not JSON", async () => {
    const dir = project();
    dir.write("kata.config.json", '{\n  "out": "out",\n  "events": {\n}}}\n');
    const line = assertOneLineFailure(await runCli(["generate"], { cwd: dir.dir }));
    assert.match(line, /^kata generate: kata\.config\.json: is not JSON: .*\(line 4, column 3\)\. Fix the JSON syntax\.$/);
  });

  it("names the schema file and pointer of an invalid schema", async () => {
    const dir = project();
    dir.write("infra/schemas/bad.json", { type: "object", properties: { id: { type: "text" } } });
    dir.write("infra/kata.config.json", { out: "generated", events: { Bad: { schema: "./schemas/bad.json" } } });
    const line = assertOneLineFailure(await runCli(["generate", "--config", "infra/kata.config.json"], { cwd: dir.dir }));
    assert.match(line, /^kata generate: schemas\/bad\.json#\/properties\/id\/type: is not a valid JSON Schema: /);
  });

  it("rejects an option it does not know", async () => {
    const run = await runCli(["generate", "--chek"], { cwd: project().dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Unknown argument: chek/);
  });
});

describe("kata generate and --check", () => {
  let project: TempProject;
  before(() => {
    project = new TempProject();
    project.write("kata.config.json", project.addShopConfig());
  });
  after(() => project.remove());

  it("writes the modules and says how many", async () => {
    const run = await runCli(["generate"], { cwd: project.dir });
    assert.equal(run.stderr, "");
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^kata generate: 12 of 12 files written \(\d+ ms\)\n$/);
  });

  it("exits 0 when the output is fresh", async () => {
    const run = await runCli(["generate", "--check"], { cwd: project.dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^kata generate --check: 12 files up to date \(\d+ ms\)\n$/);
  });

  it("exits 1 and lists an edited module, writing nothing", async () => {
    const edited = `${project.read("generated/order-shipped.ts")}export const handEdit = 1;\n`;
    project.write("generated/order-shipped.ts", edited);
    const before = statSync(project.path("generated/order-shipped.ts")).mtimeMs;
    const run = await runCli(["generate", "--check"], { cwd: project.dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, "");
    assert.equal(
      run.stderr,
      "stale: generated/order-shipped.ts\nkata generate --check: 1 of 12 files are out of date. Run kata generate and commit the result.\n",
    );
    assert.equal(project.read("generated/order-shipped.ts"), edited);
    assert.equal(statSync(project.path("generated/order-shipped.ts")).mtimeMs, before);
  });
});

describe("kata generate in a CommonJS project under verbatimModuleSyntax", { concurrency: true }, () => {
  const projects: TempProject[] = [];
  after(() => {
    for (const created of projects) created.remove();
  });
  // What `npm init -y` and TypeScript 5.9's `tsc --init` write (comments and trailing commas included).
  const initTsconfig = '{\n  // Visit https://aka.ms/tsconfig\n  "compilerOptions": {\n    "module": "nodenext",\n    "target": "esnext",\n    "verbatimModuleSyntax": true,\n    "strict": true,\n  }\n}\n';
  const shop = (packageJson: object, tsconfig: string) => {
    const project = new TempProject();
    projects.push(project);
    project.write("kata.config.json", project.addShopConfig());
    project.write("package.json", packageJson);
    project.write("tsconfig.json", tsconfig);
    return project;
  };

  it("writes the modules and says exactly what to change", async () => {
    const project = shop({ name: "shop", version: "1.0.0", main: "index.js", type: "commonjs" }, initTsconfig);
    const run = await runCli(["generate"], { cwd: project.dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      'kata generate: warning: package.json has "type": "commonjs", so the generated modules are CommonJS, and tsconfig.json sets "verbatimModuleSyntax": true, under which TypeScript rejects their import and export (TS1286, TS1295). Add "type": "module" to package.json (kata and Lambda\'s Node.js runtimes run ESM), or remove "verbatimModuleSyntax" from tsconfig.json.\n',
    );
    assert.match(run.stdout, /^kata generate: (\d+) of \1 files written/);
  });

  it("names module commonjs the same way", async () => {
    const project = shop({ name: "shop", type: "module" }, '{ "compilerOptions": { "module": "commonjs", "verbatimModuleSyntax": true } }');
    const run = await runCli(["generate"], { cwd: project.dir });
    assert.equal(
      run.stderr,
      'kata generate: warning: tsconfig.json has "module": "commonjs" with "verbatimModuleSyntax": true, so TypeScript rejects the import and export of every generated module (TS1286). Set "module": "nodenext" and "type": "module" in package.json, or remove "verbatimModuleSyntax".\n',
    );
  });

  it("says nothing for an ESM project, or a CommonJS one without verbatimModuleSyntax", async () => {
    for (const [packageJson, tsconfig] of [
      [{ name: "shop", type: "module" }, initTsconfig],
      [{ name: "shop", type: "commonjs" }, '{ "compilerOptions": { "module": "nodenext" } }'],
    ] as const) {
      const run = await runCli(["generate"], { cwd: shop(packageJson, tsconfig).dir });
      assert.equal(run.stderr, "");
      assert.equal(run.code, 0);
    }
  });
});
