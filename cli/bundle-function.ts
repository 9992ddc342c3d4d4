import { basename } from "node:path";
import type { BuildOptions, Metafile, Plugin } from "esbuild";
import { bootstrapScript } from "./bootstrap-script.js";
import { CompileError, compileErrorFrom, REQUIRE_SHIM } from "./esbuild-errors.js";
import { kataRuntimeBin, sourceMapsInstaller } from "./function-options.js";
import { moduleDisplayName, type HandlerSpec } from "./handler-spec.js";
import { findUnusedValidators, type UnusedValidators } from "./unused-validators.js";
import type { ZipEntry } from "./zip-writer.js";

export const RUNTIMES = ["nodejs22.x", "nodejs24.x", "provided.al2023", "provided.al2"] as const;
export type LambdaRuntime = (typeof RUNTIMES)[number];

export interface BundleOptions {
  runtime: LambdaRuntime;
  minify: boolean;
  sourcemap: boolean;
  /** Packages left out of the bundle (e.g. `@aws-sdk/*`, which the managed runtimes provide). */
  external: string[];
  node?: string | undefined;
}

export interface FunctionBundle {
  entries: ZipEntry[];
  /** The function's `Handler` setting, e.g. `index.handler`. */
  handler: string;
  /** Validator modules whose bundled code goes beyond what the function imports from them. */
  unusedValidators: UnusedValidators[];
}

// CommonJS: Node starts a CommonJS entry without its ES module loader, about 3 ms sooner.
const RUNTIME_FILE = "kata-runtime.cjs";
// Its own file, so that index.mjs stays the function's code alone (and within its size budget).
const SOURCE_MAPS_FILE = "kata-source-maps.mjs";
// A name no user module can import, so that a user's own ./kata-source-maps.mjs stays theirs.
const SOURCE_MAPS_IMPORT = "kata:source-maps";
const sourceMapsImport: Plugin = {
  name: "kata-source-maps",
  setup(build) {
    build.onResolve({ filter: /^kata:source-maps$/ }, () => ({ path: `./${SOURCE_MAPS_FILE}`, external: true }));
  },
};

/**
 * Bundles the handler into one tree-shaken ESM file, `index.mjs`, that exports the handler (what
 * the managed nodejs runtimes load). For OS-only runtimes it adds kata's runtime loop, bundled
 * too (as CommonJS, `kata-runtime.cjs`), and a `bootstrap` that runs it. With a source map, a
 * managed runtime's index.mjs first imports `kata-source-maps.mjs`, which maps stacks when they are
 * formatted (kata's runtime does that itself), so that no NODE_OPTIONS are needed.
 */
export async function bundleFunction(spec: HandlerSpec, cwd: string, options: BundleOptions): Promise<FunctionBundle> {
  const managed = options.runtime.startsWith("nodejs");
  // The managed runtime's Node version is known; a layer's Node is not, so aim at kata's minimum.
  const target = options.runtime === "nodejs24.x" ? "node24" : options.runtime === "nodejs22.x" ? "node22" : "node20";
  // The entry re-exports only the handler, so that the module's other exports are tree-shaken away.
  const exported = spec.exportName.split(".")[0]!;
  const mapsStacks = managed && options.sourcemap;
  // First, so that stacks of errors thrown while the function's modules load are mapped too.
  const installer = mapsStacks ? `import ${JSON.stringify(SOURCE_MAPS_IMPORT)};\n` : "";
  const stdin = { contents: `${installer}export { ${exported} } from ${JSON.stringify(spec.file)};`, resolveDir: cwd, sourcefile: "kata-entry.js", loader: "js" as const };
  const settings = common(options, target, cwd);
  const functionBuild = { ...settings, plugins: [sourceMapsImport], stdin, outfile: `${cwd}/index.mjs` };
  const { entries, metafile } = await build(functionBuild, (messages) =>
    messages.some((m) => m.text.startsWith("No matching export") && m.location?.file === "kata-entry.js") ? new CompileError(`${moduleDisplayName(spec.file, cwd)} has no export "${exported}"; name an exported function as module.export`) : undefined,
  );
  const handler = `index.${spec.exportName}`;
  if (mapsStacks) {
    entries.push(...(await build({ ...settings, sourcemap: false, entryPoints: [sourceMapsInstaller()], outfile: `${cwd}/${SOURCE_MAPS_FILE}` })).entries);
  }
  if (!managed) {
    entries.push(...(await build({ ...settings, format: "cjs", entryPoints: [kataRuntimeBin()], outfile: `${cwd}/${RUNTIME_FILE}` })).entries);
    const script = bootstrapScript({ handler, runtimeFile: RUNTIME_FILE, node: options.node, sourceMaps: options.sourcemap });
    entries.push({ name: "bootstrap", data: Buffer.from(script), mode: 0o755 });
  }
  return { entries, handler, unusedValidators: await findUnusedValidators(metafile, functionBuild) };
}

function common(options: BundleOptions, target: string, cwd: string): BuildOptions {
  return {
    bundle: true,
    platform: "node",
    format: "esm",
    target,
    minify: options.minify,
    treeShaking: true,
    sourcemap: options.sourcemap ? "linked" : false,
    sourcesContent: false,
    external: options.external,
    mainFields: ["module", "main"],
    absWorkingDir: cwd,
    write: false,
    logLevel: "silent",
  };
}

async function build(options: BuildOptions, explain?: (errors: { text: string; location?: { file: string } | null }[]) => Error | undefined): Promise<{ entries: ZipEntry[]; metafile: Metafile }> {
  const { build: esbuild } = await import("esbuild");
  try {
    let result = await esbuild({ ...options, write: false, metafile: true });
    // esbuild's ESM output of CommonJS code calls `require`: only then does the bundle get one.
    if (result.outputFiles?.some((file) => file.path.endsWith(".mjs") && file.text.includes("Dynamic require of "))) {
      result = await esbuild({ ...options, banner: { js: REQUIRE_SHIM }, write: false, metafile: true });
    }
    return { entries: (result.outputFiles ?? []).map((file) => ({ name: basename(file.path), data: Buffer.from(file.contents) })), metafile: result.metafile };
  } catch (error) {
    throw explain?.((error as { errors?: { text: string }[] }).errors ?? []) ?? compileErrorFrom(error, options.absWorkingDir ?? process.cwd());
  }
}
