import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../lib/ensure-deps.mjs";
import { unzip } from "../lib/unzip.mjs";
import { handlersDir } from "../runtime/loops.mjs";

/**
 * `kata package <module>.handler --runtime <runtime>`, run as a user would (the CLI, its defaults:
 * minified, with a source map), then unzipped into `into/<name>` as Lambda unpacks a deployment.
 *
 * @returns `{ taskRoot, files: { name, bytes }[], zipBytes }`
 */
export function packageFunction(module, runtime, into, name) {
  const zip = join(into, `${name}.zip`);
  const handler = `${relative(projectRoot, join(handlersDir, module))}.handler`;
  execFileSync(process.execPath, [join(projectRoot, "dist/cli/bin.js"), "package", handler, "--runtime", runtime, "--out", zip], { cwd: projectRoot, stdio: ["ignore", "ignore", "pipe"] });
  const taskRoot = join(into, name);
  mkdirSync(taskRoot, { recursive: true });
  const bytes = readFileSync(zip);
  return { taskRoot, files: unzip(bytes, taskRoot), zipBytes: bytes.length };
}
