import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createZip } from "../../cli/zip-writer.js";
import { makeProject } from "./run-cli.js";
import { unzip } from "./unzip.js";

const hasUnzip = ["/usr/bin/unzip", "/bin/unzip"].some((path) => existsSync(path));

describe("zip writer", () => {
  const text = Buffer.from("export const handler = async () => ({ ok: true });\n".repeat(50));
  const random = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
  const entries = [
    { name: "index.mjs", data: text },
    { name: "bootstrap", data: Buffer.from("#!/bin/bash\nexec node index.mjs\n"), mode: 0o755 },
    { name: "data/ünïcode.bin", data: random },
    { name: "empty.txt", data: Buffer.alloc(0) },
  ];
  const project = makeProject({});
  after(() => project.remove());

  it("round-trips names, contents and Unix modes", () => {
    const read = unzip(createZip(entries));
    assert.deepEqual(read.map((e) => [e.name, e.mode]), [["index.mjs", 0o644], ["bootstrap", 0o755], ["data/ünïcode.bin", 0o644], ["empty.txt", 0o644]]);
    for (const [i, entry] of entries.entries()) assert.deepEqual(read[i]!.data, entry.data, entry.name);
  });

  it("deflates what deflating shrinks and stores the rest", () => {
    const read = unzip(createZip(entries));
    assert.equal(read[0]!.method, 8);
    assert.equal(read[2]!.method, 0);
    assert.ok(createZip([entries[0]!]).length < text.length / 5);
  });

  it("writes the same bytes for the same input", () => {
    assert.deepEqual(createZip(entries), createZip(entries));
  });

  it("is read by the system's unzip with its permissions", { skip: hasUnzip ? false : "no unzip on this machine" }, () => {
    const file = join(project.dir, "test.zip");
    writeFileSync(file, createZip(entries));
    assert.match(execFileSync("unzip", ["-t", file], { encoding: "utf8" }), /No errors detected/);
    assert.match(execFileSync("unzip", ["-Z", file], { encoding: "utf8" }), /-rwxr-xr-x .* bootstrap/);
  });
});
