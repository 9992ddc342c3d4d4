import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readSample, sampleSources } from "../../emulator/samples.js";
import { makeProject, runCli } from "./run-cli.js";

/** `kata events`, run as a user runs it. */
const project = makeProject({});
after(() => project.remove());

describe("kata events", { concurrency: true }, () => {
  it("lists the built-in samples with what each one is", async () => {
    const run = await runCli(["events"], { cwd: project.dir });
    assert.equal(run.code, 0);
    const names = run.stdout.trimEnd().split("\n").map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(names, sampleSources());
    assert.match(run.stdout, /^sqs +Amazon SQS: /m);
  });

  it("prints one sample as shipped, ready to save and edit", async () => {
    const run = await runCli(["events", "apigw-v2"], { cwd: project.dir });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, readSample("apigw-v2"));
    assert.equal(JSON.parse(run.stdout).version, "2.0");
  });

  it("exits 1 naming the samples when the source is unknown", async () => {
    const run = await runCli(["events", "smoke-signals"], { cwd: project.dir });
    assert.deepEqual([run.code, run.stdout], [1, ""]);
    assert.equal(run.stderr, `kata events: there is no built-in sample event "smoke-signals"; the samples are: ${sampleSources().join(", ")}\n`);
  });

  it("shows examples in --help", async () => {
    const run = await runCli(["events", "--help"], { cwd: project.dir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Examples:\n.*kata events sqs > order\.json/s);
  });
});
