import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./fixtures.js";

export interface PackedKata {
  /** The tarball `npm pack` wrote, as users install it. */
  tarball: string;
  /** The paths in it, relative to the package root. */
  files: string[];
}

let packed: PackedKata | undefined;

/** kata packed by `npm pack` (once per test process; `dist/` must be built). */
export function packedKata(): PackedKata {
  if (packed !== undefined) return packed;
  const destination = mkdtempSync(join(tmpdir(), "kata-pack-"));
  const output = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destination], { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [result] = JSON.parse(output) as [{ filename: string; files: { path: string }[] }];
  packed = { tarball: join(destination, result.filename), files: result.files.map((file) => file.path) };
  return packed;
}
