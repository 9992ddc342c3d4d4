import { resolve } from "node:path";
import type { BuildOptions, Metafile } from "esbuild";

/** A validators module whose module-level statements keep validators in every bundle that loads it. */
export interface UnusedValidators {
  /** The module, as esbuild names it (relative to the working directory). */
  module: string;
  /** Bytes of the module in the function's bundle. */
  carried: number;
  /** Bytes the module keeps in a bundle that imports nothing from it: code kept whatever the function uses. */
  keptRegardless: number;
}

/** Generated validator modules: a user project's `kata-validators.ts`, kata's `<source>.validators.js`. */
const VALIDATORS_MODULE = /(?:^|[/\\])(?:kata-validators|[\w-]+\.validators)\.[cm]?[jt]s$/;

/** Below this, what a module keeps on its own is a helper or two, not validators. */
const SLACK_BYTES = 512;

/**
 * Validator modules that keep code in the bundle even when nothing is imported from them. A
 * module-level statement with a side effect (older generated code assigned `validateN.evaluated =
 * ...` for draft 2020-12) keeps every validator it reaches, so one schema can bloat every function.
 * esbuild finds it: a bundle of a bare `import "module"` holds exactly what the module keeps on
 * its own, which a side-effect-free module does not.
 */
export async function findUnusedValidators(metafile: Metafile, options: BuildOptions): Promise<UnusedValidators[]> {
  const found: UnusedValidators[] = [];
  for (const [module, carried] of bytesByInput(metafile)) {
    if (!VALIDATORS_MODULE.test(module)) continue;
    const keptRegardless = await bytesOfBareImport(module, options);
    if (keptRegardless > SLACK_BYTES) found.push({ module, carried, keptRegardless });
  }
  return found;
}

function bytesByInput(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (bytesInOutput > 0) bytes.set(input, (bytes.get(input) ?? 0) + bytesInOutput);
  }
  return bytes;
}

async function bytesOfBareImport(module: string, options: BuildOptions): Promise<number> {
  const { build } = await import("esbuild");
  const cwd = options.absWorkingDir ?? process.cwd();
  const stdin = { contents: `import ${JSON.stringify(resolve(cwd, module))};`, resolveDir: cwd, loader: "js" as const };
  const { metafile } = await build({ ...options, entryPoints: undefined, stdin, outfile: `${cwd}/kata-side-effects.mjs`, sourcemap: false, metafile: true, write: false });
  return bytesByInput(metafile).get(module) ?? 0;
}
