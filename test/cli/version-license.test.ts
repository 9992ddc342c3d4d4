import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../support/fixtures.js";
import { runCli } from "./run-cli.js";

const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string; license: string; files: string[] };

describe("kata --version and the licence", { concurrency: true }, () => {
  for (const flag of ["--version", "-v"]) {
    it(`prints package.json's version for ${flag}`, async () => {
      const run = await runCli([flag], { cwd: projectRoot });
      assert.deepEqual([run.code, run.stdout, run.stderr], [0, `${manifest.version}\n`, ""]);
    });
  }

  it("ships a LICENSE whose text is the licence package.json names", () => {
    assert.equal(manifest.license, "MIT");
    const text = readFileSync(join(projectRoot, "LICENSE"), "utf8");
    assert.match(text, /^MIT License\n\nCopyright \(c\) \d{4} /);
    assert.match(text, /Permission is hereby granted, free of charge/);
  });
});
