import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../support/fixtures.js";
import { importClosure } from "../support/import-closure.js";

/** Every built-in source with the title of its root type, from `schemas/`. */
const sources = readdirSync(join(projectRoot, "schemas"))
  .filter((file) => file.endsWith(".schema.json"))
  .map((file) => ({
    source: file.slice(0, -".schema.json".length),
    title: (JSON.parse(readFileSync(join(projectRoot, "schemas", file), "utf8")) as { title: string }).title,
  }));

const distDir = join(projectRoot, "dist");

describe("kata/events/<source> loads only that source", () => {
  for (const { source } of sources) {
    it(`${source} imports no other source's validators`, () => {
      const loaded = [...importClosure(join(distDir, "generated", `${source}.js`))].map((file) => relative(distDir, file));
      const validators = loaded.filter((file) => file.endsWith(".validators.js"));
      assert.deepEqual(validators, [`generated/${source}.validators.js`]);
      assert.deepEqual(loaded.filter((file) => file.startsWith("generated/") && !file.startsWith(`generated/${source}.`)), []);
    });

    it(`kata/events/${source} resolves to its own module, which loads four: its own two, the one-file decode bundle and the error text it shares with the runtime`, () => {
      assert.equal(fileURLToPath(import.meta.resolve(`kata/events/${source}`)), join(distDir, "generated", `${source}.js`));
      const loaded = [...importClosure(join(distDir, "generated", `${source}.js`))].map((file) => relative(distDir, file)).sort();
      assert.deepEqual(loaded, [`generated/${source}.js`, `generated/${source}.validators.js`, "runtime/decode/index.js", "runtime/error-response.js"].sort());
    });
  }

  it("CommonJS code can require each source and decode its base fixture", () => {
    const script = `
      const fs = require("node:fs");
      const sources = ${JSON.stringify(sources)};
      const out = {};
      for (const { source, title } of sources) {
        const events = require("kata/events/" + source);
        const text = fs.readFileSync("test/fixtures/events/" + source + "/base.json", "utf8");
        out[source] = JSON.stringify(events["decode" + title](text)) === JSON.stringify(JSON.parse(text));
      }
      console.log(JSON.stringify(out));
    `;
    const output = execFileSync(process.execPath, ["--no-warnings", "-e", script], { cwd: projectRoot, encoding: "utf8" });
    assert.deepEqual(JSON.parse(output), Object.fromEntries(sources.map(({ source }) => [source, true])));
  });
});
