import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * The folder `kata generate` may read schemas from and write into: the project of the config file
 * (the nearest folder with a package.json, else the config's own folder). A `$ref`, a schema path
 * or `out` that leaves it is refused unless the run allows it (`--allow-outside-project`), so that
 * a schema cannot make kata open `/etc/hostname` or write over files elsewhere.
 */
export interface ProjectBoundary {
  root: string;
  /** True when every path may be used (the run allows leaving the project). */
  open: boolean;
}

export function projectBoundary(configDir: string, allowOutside: boolean): ProjectBoundary {
  return { root: projectRootOf(configDir), open: allowOutside };
}

export function projectRootOf(configDir: string): string {
  let root = configDir;
  while (!existsSync(join(root, "package.json")) && dirname(root) !== root) root = dirname(root);
  return existsSync(join(root, "package.json")) ? root : configDir;
}

/** True when `path` (absolute) is inside the boundary, following symbolic links of what exists. */
export function allows(boundary: ProjectBoundary, path: string): boolean {
  if (boundary.open) return true;
  const inside = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  return inside(boundary.root, resolve(path)) && inside(real(boundary.root), real(path));
}

/** The real path of the longest existing prefix of `path`, with the rest appended. */
function real(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(relative(dirname(existing), existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}

export const OUTSIDE_HINT = "Move it into the project, or run kata generate --allow-outside-project if that is intended.";
