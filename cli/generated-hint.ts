import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { loadSchemaFiles } from "../generator/schema-files.js";

/** What `kata generate` writes for one kata.config.json. */
export interface GeneratedOutput {
  config: string;
  outDir: string;
  /** The schemas the config names, and the files they reach through `$ref`. */
  schemas: string[];
}

const CONFIG = "kata.config.json";
const SCHEMA_KEYS = ["body", "detail", "query", "path", "schema"];

/**
 * The kata.config.json files of the project that holds `dir`: in `dir` and its parents up to the
 * nearest package.json. A config that does not parse is skipped: `kata generate` reports it.
 */
export function generatedOutputs(dir: string): GeneratedOutput[] {
  const outputs: GeneratedOutput[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    const output = readOutput(join(at, CONFIG));
    if (output !== undefined) outputs.push(output);
    if (existsSync(join(at, "package.json")) || dirname(at) === at) return outputs;
  }
}

function readOutput(config: string): GeneratedOutput | undefined {
  if (!existsSync(config)) return undefined;
  try {
    const raw = JSON.parse(readFileSync(config, "utf8")) as { out?: unknown; events?: Record<string, Record<string, unknown>> };
    if (typeof raw.out !== "string") return undefined;
    const base = dirname(config);
    const refs = Object.values(raw.events ?? {}).flatMap((entry) => SCHEMA_KEYS.map((key) => entry?.[key]).filter((value): value is string => typeof value === "string"));
    return { config, outDir: resolve(base, raw.out), schemas: schemaInputs(base, refs) };
  } catch {
    return undefined;
  }
}

/** The named schemas and every file they reach through `$ref`; only the named ones when a schema does not load (`kata generate` reports why). */
function schemaInputs(base: string, refs: string[]): string[] {
  try {
    return [...loadSchemaFiles(base, refs).keys()].map((key) => resolve(base, key));
  } catch {
    return refs.map((ref) => resolve(base, ref.split("#")[0]!));
  }
}

function inside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + sep);
}

/**
 * esbuild's "Could not resolve" / "No matching export" for a module in a config's `out` folder
 * means the generated code is missing or stale: say so and name the command that fixes it.
 */
export function generatedModuleHint(text: string, importer: string | undefined, cwd: string): string | undefined {
  const unresolved = /^Could not resolve "(\.{1,2}\/[^"]+)"/.exec(text);
  const noExport = /^No matching export in "([^"]+)" for import "([^"]+)"/.exec(text);
  const target = unresolved !== null && importer !== undefined ? resolve(dirname(importer), unresolved[1]!) : noExport !== null ? resolve(cwd, noExport[1]!) : undefined;
  if (target === undefined) return undefined;
  const output = generatedOutputs(dirname(target)).find((candidate) => inside(candidate.outDir, target));
  if (output === undefined) return undefined;
  const config = relative(cwd, output.config) || CONFIG;
  const command = `kata generate${config === CONFIG ? "" : ` --config ${config}`}`;
  if (unresolved !== null) return `"${unresolved[1]}" is missing: kata generates it from ${config} into ${relative(cwd, output.outDir) || "."}. Run ${command} first.`;
  return `${noExport![1]} has no export "${noExport![2]}": the generated code is stale or the entry is named differently in ${config}. Run ${command}.`;
}

/**
 * A schema or config newer than everything generated from it: the generated module is likely
 * stale (an edit not yet regenerated). Returns the warning to print, naming the newest input.
 */
export function staleGeneratedWarning(outputs: GeneratedOutput[], cwd: string): string | undefined {
  for (const output of outputs) {
    const generated = newest(listFiles(output.outDir));
    if (generated === undefined) continue;
    const inputs = [output.config, ...output.schemas].filter((file) => existsSync(file));
    const changed = inputs.find((file) => statSync(file).mtimeMs > generated);
    if (changed !== undefined) {
      const config = relative(cwd, output.config) || CONFIG;
      return `${relative(cwd, changed) || changed} changed after ${relative(cwd, output.outDir)} was generated; run kata generate${config === CONFIG ? "" : ` --config ${config}`} so the types and decoders match it`;
    }
  }
  return undefined;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(dir, entry.name));
}

function newest(files: string[]): number | undefined {
  return files.length === 0 ? undefined : Math.max(...files.map((file) => statSync(file).mtimeMs));
}
