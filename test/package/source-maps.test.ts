import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { projectRoot } from "../support/fixtures.js";
import { packedKata } from "../support/packed-kata.js";

/* With --enable-source-maps a stack frame in kata names the .ts file its map points at: that file must ship. */
test("every source that a shipped source map names is in the npm package", () => {
  const { files } = packedKata();
  const shipped = new Set(files);
  const maps = files.filter((file) => file.endsWith(".js.map"));
  assert.ok(maps.includes("dist/runtime/bin.js.map") && maps.includes("dist/handlers/sqs-batch.js.map"), "the runtime's and the handlers' maps ship");
  const missing: string[] = [];
  for (const map of maps) {
    const { sources } = JSON.parse(readFileSync(join(projectRoot, map), "utf8")) as { sources: string[] };
    for (const source of sources) {
      const path = posix.normalize(posix.join(dirname(map), source));
      if (!shipped.has(path)) missing.push(`${map} → ${path}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(!files.some((file) => file.startsWith("dist/test/") || file.startsWith("test/")), "tests do not ship");
  assert.ok(files.includes("LICENSE"));
});
