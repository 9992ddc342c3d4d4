import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../support/fixtures.js";
import { importClosure } from "../support/import-closure.js";

// `npm run build` bundles runtime/decode/ into dist/runtime/decode/index.js
// (tools/bundle-decode.mjs). A run-time module that imported one of the per-file outputs beside it
// would load a second copy of that code, and with it a second DecodeError class that
// `instanceof` would not recognise.
const distDir = join(projectRoot, "dist");
const decodeDir = join(distDir, "runtime", "decode");

const jsIn = (dir: string) => readdirSync(join(distDir, dir)).filter((f) => f.endsWith(".js")).map((f) => join(distDir, dir, f));
const runTimeEntries = [
  join(distDir, "index.js"),
  join(distDir, "events.js"),
  join(distDir, "http", "index.js"),
  join(distDir, "runtime", "index.js"),
  ...jsIn("handlers"),
  ...jsIn("generated"),
  ...jsIn(join("test", "generated")),
  ...jsIn(join("test", "generated", "sources")),
];

describe("the decode bundle", () => {
  it("is the only file of runtime/decode/ that any run-time module loads", () => {
    const loaded = new Set<string>();
    for (const entry of runTimeEntries) importClosure(entry, loaded);
    const fromDecode = [...loaded].filter((file) => file.startsWith(decodeDir)).map((file) => relative(distDir, file));
    assert.deepEqual(fromDecode, ["runtime/decode/index.js"]);
  });

  it("imports nothing from runtime/decode/ itself, and only the runtime's error text from outside it", () => {
    const text = readFileSync(join(decodeDir, "index.js"), "utf8");
    const specifiers = [...text.matchAll(/^import\b[^"']*["']([^"']+)["']/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(specifiers)], ["../error-response.js"]);
  });

  it("gives kata, kata/decode, kata/events and kata/handlers one DecodeError class", async () => {
    const kata = await import("kata");
    const decode = await import("kata/decode");
    const { decodeSQSEvent } = await import("kata/events/sqs");
    const { decodeKinesisData } = await import("kata/handlers/kinesis");
    assert.equal(kata.DecodeError, decode.DecodeError);
    assert.throws(() => decodeSQSEvent('{"Records":[{}]}'), (error) => error instanceof kata.DecodeError);
    assert.throws(() => decodeKinesisData({ Records: [{ kinesis: { data: "bm90IGpzb24=" } }] }, "KinesisStreamEvent", (input: Uint8Array) => JSON.parse(Buffer.from(input).toString())), (error) => error instanceof kata.DecodeError);
  });
});
