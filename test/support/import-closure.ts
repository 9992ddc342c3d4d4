import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The files a module loads through static relative imports, itself included (kata's dist has no dynamic imports on the run-time path). */
export function importClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\b[^"']*?["'](\.{1,2}\/[^"']+)["']/g)) {
    importClosure(resolve(dirname(file), specifier!), seen);
  }
  return seen;
}
