import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../support/fixtures.js";

// `kata/events/<source>` must stay cheap for a function that handles one source: its module may
// import the decode helpers and its own validators, never another source's.
const sources = readdirSync(join(projectRoot, "schemas"))
  .filter((f) => f.endsWith(".schema.json"))
  .map((f) => f.slice(0, -".schema.json".length));

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gm)].map((m) => (m[1] ?? m[2])!).sort();
}

describe("kata/events/<source>", () => {
  for (const source of sources) {
    it(`kata/events/${source} resolves to its own module, which loads only its own validators`, () => {
      const file = fileURLToPath(import.meta.resolve(`kata/events/${source}`));
      assert.equal(file, join(projectRoot, "dist", "generated", `${source}.js`));
      assert.deepEqual(importsOf(file), ["../runtime/decode/index.js", `./${source}.validators.js`]);
      for (const specifier of importsOf(join(projectRoot, "dist", "generated", `${source}.validators.js`))) {
        assert.equal(specifier, "../runtime/decode/index.js", `${source}.validators.js imports ${specifier}`);
      }
    });
  }
});
