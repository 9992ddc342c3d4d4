import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { assertExported, compileErrorFrom, REQUIRE_SHIM } from "./esbuild-errors.js";
import { moduleDisplayName, type HandlerSpec } from "./handler-spec.js";

export interface CompiledHandler {
  /** `LAMBDA_TASK_ROOT` of the compiled module. */
  taskRoot: string;
  /** `_HANDLER`, e.g. `orders.handler`. */
  handler: string;
  /** Every source file of the bundle (absolute), for `--watch`. */
  inputs: string[];
}

/**
 * Compiles a TypeScript handler for a local run: esbuild bundles the user's own files into one
 * ESM module and leaves packages external, so they load from the project's node_modules. The
 * output goes to `node_modules/.cache/kata/` of the project so that those imports resolve.
 */
export async function compileHandler(spec: HandlerSpec, cwd: string): Promise<CompiledHandler> {
  const { build } = await import("esbuild");
  const moduleName = basename(spec.file).replace(/\.[mc]?ts$/, "");
  const outDir = cacheDirFor(spec.file);
  const outfile = join(outDir, `${moduleName}.mjs`);
  let result;
  try {
    result = await build({
      entryPoints: [spec.file],
      outfile,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: "linked",
      banner: { js: REQUIRE_SHIM },
      metafile: true,
      write: false,
      logLevel: "silent",
      absWorkingDir: cwd,
    });
  } catch (error) {
    throw compileErrorFrom(error, cwd);
  }
  const { metafile, outputFiles } = result;
  // Replace each file at once: another kata process (serve, a second invoke) may be loading it.
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(".mjs"))?.[1];
  assertExported(output?.exports, spec.exportName, moduleDisplayName(spec.file, cwd));
  return {
    taskRoot: outDir,
    handler: `${moduleName}.${spec.exportName}`,
    inputs: Object.keys(metafile.inputs).map((input) => resolve(cwd, input)),
  };
}

/** `<project>/node_modules/.cache/kata/<hash>`, or a folder in the temp dir outside any project. */
/**
 * Where the compiled module goes: under the project root (the nearest folder with a package.json
 * or a node_modules, which also holds a project whose package.json is missing), so that its
 * packages resolve as the sources' do; else a temporary folder.
 */
function cacheDirFor(file: string): string {
  const hash = createHash("sha256").update(file).digest("hex").slice(0, 12);
  let dir = dirname(file);
  while (!existsSync(join(dir, "package.json")) && !existsSync(join(dir, "node_modules"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      dir = "";
      break;
    }
    dir = parent;
  }
  const outDir = dir === "" ? join(tmpdir(), `kata-invoke-${hash}`) : join(dir, "node_modules", ".cache", "kata", hash);
  mkdirSync(outDir, { recursive: true });
  return outDir;
}
