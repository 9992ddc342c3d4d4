import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** One output file, its path relative to the folder the run writes into. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** Stage "write": the only stage besides loading that touches the disk. Returns the stale paths. */
export function writeFiles(baseDir: string, files: GeneratedFile[], check: boolean): string[] {
  const stale: string[] = [];
  for (const file of files) {
    const target = resolve(baseDir, file.path);
    let current: string | undefined;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = undefined;
    }
    if (current === file.text) continue;
    stale.push(file.path);
    if (!check) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
  }
  return stale;
}
