import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file whether it runs from `test/` or `dist/test/`. */
export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("dist")) {
    const parent = resolve(dir, "..");
    if (parent === dir) throw new Error("test/support/fixtures: no package.json above " + dir);
    dir = parent;
  }
  return dir;
})();

export const fixturesDir = join(projectRoot, "test", "fixtures", "events");

/** Raw text of `test/fixtures/events/<source>/<name>.json`. */
export function eventText(source: string, name: string): string {
  return readFileSync(join(fixturesDir, source, `${name}.json`), "utf8");
}

/** Parsed `test/fixtures/events/<source>/<name>.json`. */
export function loadEvent<T = any>(source: string, name: string): T {
  return JSON.parse(eventText(source, name)) as T;
}

/** Fixture names (without `.json`) of one source whose names start with `prefix`. */
export function eventNames(source: string, prefix = ""): string[] {
  return readdirSync(join(fixturesDir, source))
    .filter((f) => f.endsWith(".json") && f.startsWith(prefix))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}
