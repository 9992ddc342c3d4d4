import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseDotenv, readDotenv } from "../../cli/dotenv.js";
import { freePort, makeProject, runCli } from "./run-cli.js";

/** `--env-file`, SAM's `--env-vars` and `--inspect` of kata invoke / serve. */
const project = makeProject({
  "env.mjs": `export const handler = async () => ({ STAGE: process.env.STAGE, TABLE: process.env.TABLE, QUOTED: process.env.QUOTED, ONLY_FILE: process.env.ONLY_FILE });\n`,
  "args.mjs": `export const handler = async () => ({ execArgv: process.execArgv });\n`,
  ".env": `# local settings\nSTAGE=file\nexport TABLE=from-file # a comment\nQUOTED="two\\nlines"\nONLY_FILE='kept #1'\n`,
  ".env.local": "STAGE=local-file\n",
  "env.json": JSON.stringify({ Parameters: { STAGE: "sam", TABLE: "sam-table" }, env: { TABLE: "sam-env", RETRIES: 3 }, Other: { STAGE: "not ours" } }),
  "bad.env": "STAGE=ok\nthis line is not a pair\n",
  "bad.json": JSON.stringify({ Parameters: { STAGE: { nested: true } } }),
});
after(() => project.remove());
const cwd = project.dir;

describe("parseDotenv", () => {
  it("reads pairs, export, comments, and single- and double-quoted values", () => {
    const text = '\uFEFF# comment\n\nA=1\r\nexport B = two words  \nC="x\\ty \\"q\\"" # after\nD=\'$raw\\n\'\nE=url#fragment\nF=\n';
    assert.deepEqual(parseDotenv(text, ".env"), { A: "1", B: "two words", C: 'x\ty "q"', D: "$raw\\n", E: "url#fragment", F: "" });
  });

  it("names the file and line of a line it cannot read", () => {
    assert.throws(() => parseDotenv("A=1\nnot a pair\n", "app.env"), { message: 'app.env:2: expected KEY=value, got "not a pair"' });
    assert.throws(() => parseDotenv('A="open\n', "app.env"), { message: "app.env:1: the value opens with \" but never closes it (values span one line)" });
    assert.throws(() => parseDotenv("A='x' y\n", "app.env"), { message: "app.env:1: unexpected text after the closing ': y" });
  });
});

describe("kata invoke --env-file / --env-vars / --env", { concurrency: true }, () => {
  it("gives the function the dotenv file's variables", async () => {
    const run = await runCli(["invoke", "env.handler", "--env-file", ".env"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { STAGE: "file", TABLE: "from-file", QUOTED: "two\nlines", ONLY_FILE: "kept #1" });
  });

  it("layers them: later env files, then SAM's Parameters, then the function's own object, then --env", async () => {
    const layered = await runCli(["invoke", "env.handler", "--env-file", ".env", "--env-file", ".env.local"], { cwd });
    assert.equal(JSON.parse(layered.stdout).STAGE, "local-file");
    const sam = await runCli(["invoke", "env.handler", "--env-file", ".env", "--env-vars", "env.json"], { cwd });
    assert.deepEqual(JSON.parse(sam.stdout), { STAGE: "sam", TABLE: "sam-env", QUOTED: "two\nlines", ONLY_FILE: "kept #1" });
    const named = await runCli(["invoke", "env.handler", "--env-vars", "env.json", "--name", "Other", "--env", "TABLE=cli"], { cwd });
    assert.deepEqual(JSON.parse(named.stdout), { STAGE: "not ours", TABLE: "cli" });
  });

  it("exits 1 naming the file and line, or the JSON pointer, of a bad entry", async () => {
    const dotenv = await runCli(["invoke", "env.handler", "--env-file", "bad.env"], { cwd });
    assert.deepEqual([dotenv.code, dotenv.stderr], [1, 'kata invoke: bad.env:2: expected KEY=value, got "this line is not a pair"\n']);
    const sam = await runCli(["invoke", "env.handler", "--env-vars", "bad.json"], { cwd });
    assert.deepEqual([sam.code, sam.stderr], [1, "kata invoke: --env-vars bad.json at /Parameters/STAGE: must be a string, number or boolean (got object)\n"]);
    // Node 20 itself exits on a missing `--env-file` anywhere in argv (a bug fixed in Node 22), so this is checked in-process.
    assert.throws(() => readDotenv(join(cwd, "nope.env"), "nope.env"), /^CommandError: cannot read --env-file nope\.env: ENOENT/);
  });
});

describe("kata invoke --inspect", { concurrency: true }, () => {
  it("starts the function under node's inspector on the port given, on 127.0.0.1", async () => {
    const port = await freePort();
    const run = await runCli(["invoke", `--inspect=${port}`, "args.handler"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout).execArgv.includes(`--inspect=127.0.0.1:${port}`));
    assert.match(run.stderr, new RegExp(`Debugger listening on ws://127\\.0\\.0\\.1:${port}/`));
  });

  it("takes a bare --inspect before the handler as node's default port", async () => {
    const run = await runCli(["invoke", "--inspect", "args.handler", "--timeout", "5"], { cwd });
    // 9229 may be taken on a shared machine; the argument is what this checks.
    assert.ok(JSON.parse(run.stdout || '{"execArgv":[]}').execArgv.includes("--inspect=127.0.0.1:9229") || /9229/.test(run.stderr), run.stderr);
  });

  it("refuses a value that is not a port", async () => {
    const run = await runCli(["invoke", "--inspect=lots", "args.handler"], { cwd });
    assert.deepEqual([run.code, run.stderr], [1, "kata invoke: --inspect=lots is not a port; write --inspect or --inspect=9230 (or host:port)\n"]);
  });
});
