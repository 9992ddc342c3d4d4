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

/**
 * A fixture's companions: `<name>.expect.json` (where an invalid fixture fails) and
 * `<name>.filled.json` (what the tolerant reader fills in a valid one, see `FilledValues`).
 */
const COMPANION = /\.(?:expect|filled)\.json$/;

/** Fixture names (without `.json`, companions left out) of one source whose names start with `prefix`. */
export function eventNames(source: string, prefix = ""): string[] {
  return readdirSync(join(fixturesDir, source))
    .filter((f) => f.endsWith(".json") && !COMPANION.test(f) && f.startsWith(prefix))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/**
 * `<name>.filled.json`: the values the decoder fills in a fixture that AWS's tools send without
 * them. `set` maps JSON pointers to the filled value (each absent or null in the fixture);
 * `removed` lists pointers of `null`s that mean "absent" and are removed.
 */
export interface FilledValues {
  set?: Record<string, unknown>;
  removed?: string[];
}

/** The fill companion of a fixture, or undefined when the fixture decodes unchanged. */
export function filledValues(source: string, name: string): FilledValues | undefined {
  const file = join(fixturesDir, source, `${name}.filled.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as FilledValues) : undefined;
}
