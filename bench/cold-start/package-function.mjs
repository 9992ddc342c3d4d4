import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
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
  return packageHandler(`${relative(projectRoot, join(handlersDir, module))}.handler`, runtime, into, name);
}

/** The example's SQS function (`examples/orders`): one source's decoders and one typed entry. `options`: more `kata package` flags. */
export function packageExampleSqs(runtime, into, name, options = []) {
  // What `npm install` does for the example's `"kata": "file:../.."` (as demo.mjs does).
  const link = join(projectRoot, "examples/orders/node_modules/kata");
  if (!existsSync(link)) {
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join("..", "..", ".."), link, "dir");
  }
  return packageHandler("examples/orders/src/process-orders.handler", runtime, into, name, options);
}

function packageHandler(handler, runtime, into, name, options = []) {
  const zip = join(into, `${name}.zip`);
  execFileSync(process.execPath, [join(projectRoot, "dist/cli/bin.js"), "package", handler, "--runtime", runtime, "--out", zip, ...options], { cwd: projectRoot, stdio: ["ignore", "ignore", "pipe"] });
  const taskRoot = join(into, name);
  mkdirSync(taskRoot, { recursive: true });
  const bytes = readFileSync(zip);
  return { taskRoot, files: unzip(bytes, taskRoot), zipBytes: bytes.length };
}
