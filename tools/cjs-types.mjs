// Build step: a copy of kata's declarations under dist/cjs, in a folder marked CommonJS.
// kata is ESM, which CommonJS code loads with require(esm) (Node >= 20.19). TypeScript before 5.8
// refuses that (TS1479) unless the types it resolves through the `require` condition, or
// `typesVersions` for `moduleResolution: node10`, are CommonJS declarations: these are.
// They sit under `require` → `node` in package.json's exports: TypeScript's node16/nodenext
// resolution uses that condition, its bundler resolution (TypeScript 7's default for
// `module: commonjs`) does not, and keeps the ESM declarations, which it can name in a
// declaration build (with the CommonJS ones there, it reports TS2883).
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DIST = "dist";
const OUT = join(DIST, "cjs");
const SKIP = new Set([join(DIST, "test"), OUT]);

rmSync(OUT, { recursive: true, force: true });
function mirror(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const from = join(dir, entry.name);
    if (SKIP.has(from)) continue;
    if (entry.isDirectory()) mirror(from);
    else if (entry.name.endsWith(".d.ts")) {
      const to = join(OUT, from.slice(DIST.length + 1));
      mkdirSync(join(to, ".."), { recursive: true });
      copyFileSync(from, to);
    }
  }
}
mirror(DIST);
writeFileSync(join(OUT, "package.json"), '{\n  "type": "commonjs"\n}\n');
