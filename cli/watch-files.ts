import { statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join } from "node:path";

const IGNORED = /(^|[/\\])(node_modules|\.git)([/\\]|$)/;

/**
 * Calls `onChange` once per burst of changes, `delayMs` after the last one: editors write a file
 * in several steps, and one restart is enough. A folder is watched recursively; a file through
 * its folder, which survives editors that replace the file on save.
 */
export function watchSources(paths: string[], onChange: (changed: string) => void, delayMs = 150): () => void {
  const filesByFolder = new Map<string, Set<string>>();
  const folders: string[] = [];
  for (const path of paths) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) folders.push(path);
    else {
      const names = filesByFolder.get(dirname(path)) ?? new Set<string>();
      filesByFolder.set(dirname(path), names.add(basename(path)));
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const changed = (path: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(path), delayMs);
  };
  const watchers: FSWatcher[] = [
    ...folders.map((folder) =>
      watch(folder, { recursive: true }, (_event, name) => {
        if (name !== null && !IGNORED.test(name)) changed(join(folder, name));
      }),
    ),
    ...[...filesByFolder].map(([folder, names]) =>
      watch(folder, (_event, name) => {
        if (name !== null && names.has(name)) changed(join(folder, name));
      }),
    ),
  ];
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
