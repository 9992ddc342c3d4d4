import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { planBuiltins } from "./builtin.js";
import { loadConfig } from "./config.js";
import { moduleFormatProblem } from "./module-format.js";
import { planConfig } from "./plan-config.js";
import { writeFiles } from "./write.js";

/** kata's own folder (holding `schemas/`), from `dist/generator/` where this module runs. */
export const kataRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface GenerateOptions {
  /** kata.config.json files to generate. */
  configs: string[];
  /** Also regenerate kata's own `generated/` from `schemas/` (kata development only). */
  builtin?: boolean;
  /** Write nothing; report which files are stale. */
  check?: boolean;
  /** Read schemas and write `out` outside each config's project too (refused by default). */
  allowOutsideProject?: boolean;
}

export interface GenerateResult {
  /** Files produced, written or not. */
  files: number;
  /** Files that differed from disk (written, or with `check`, left stale). Relative to their config's folder. */
  stale: string[];
  /** Project settings under which the generated modules will not compile, each with what to change. */
  warnings: string[];
}

/**
 * The generator, stage by stage: load the config, load the schema files it reaches, plan the
 * modules (types via json-schema-to-typescript, decoders via Ajv standalone, handlers via ts-morph),
 * then write. Only the first and the last stage touch the disk.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const result: GenerateResult = { files: 0, stale: [], warnings: [] };
  if (options.builtin) {
    const files = await planBuiltins(kataRoot);
    result.files += files.length;
    result.stale.push(...writeFiles(kataRoot, files, options.check ?? false));
  }
  for (const path of options.configs) {
    const config = loadConfig(path);
    const files = await planConfig(config, { schemasDir: `${kataRoot}schemas`, allowOutsideProject: options.allowOutsideProject ?? false });
    result.files += files.length;
    result.stale.push(...writeFiles(config.baseDir, files, options.check ?? false));
    const problem = moduleFormatProblem(resolve(config.baseDir, config.out), config.baseDir);
    if (problem !== undefined) result.warnings.push(problem);
  }
  return result;
}
