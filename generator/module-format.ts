import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ts } from "ts-morph";

/** The nearest `name` at or above `dir`, if any. */
function nearest(dir: string, name: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, name))) return join(current, name);
    if (dirname(current) === current) return undefined;
  }
}

function packageType(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { type?: unknown }).type;
  } catch {
    return undefined; // an unreadable package.json is the user's build's business, not this check's
  }
}

/**
 * Generated modules are written with `import` / `export`, which compile to either module format,
 * except under `verbatimModuleSyntax` (on in `tsc --init`'s tsconfig) in a CommonJS project
 * (`npm init -y`): TypeScript then rejects every import (TS1286, TS1295). Says what to change, or
 * undefined when the project of `outDir` compiles them.
 */
export function moduleFormatProblem(outDir: string, baseDir: string): string | undefined {
  const tsconfig = nearest(outDir, "tsconfig.json");
  if (tsconfig === undefined) return undefined;
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
  const options = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, host)?.options;
  if (options?.verbatimModuleSyntax !== true) return undefined;
  const module = options.module;
  const packageJson = nearest(outDir, "package.json");
  const type = packageType(packageJson);
  const nodeModule = module !== undefined && module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext;
  const show = (file: string) => relative(baseDir, file) || file;
  if (module === ts.ModuleKind.CommonJS) {
    return `${show(tsconfig)} has "module": "commonjs" with "verbatimModuleSyntax": true, so TypeScript rejects the import and export of every generated module (TS1286). Set "module": "nodenext" and "type": "module" in ${packageJson ? show(packageJson) : "package.json"}, or remove "verbatimModuleSyntax".`;
  }
  if (nodeModule && type !== "module") {
    const where = packageJson ? `${show(packageJson)} has ${type === undefined ? 'no "type"' : `"type": ${JSON.stringify(type)}`}` : "no package.json gives a \"type\"";
    return `${where}, so the generated modules are CommonJS, and ${show(tsconfig)} sets "verbatimModuleSyntax": true, under which TypeScript rejects their import and export (TS1286, TS1295). Add "type": "module" to ${packageJson ? show(packageJson) : "package.json"} (kata and Lambda's Node.js runtimes run ESM), or remove "verbatimModuleSyntax" from ${show(tsconfig)}.`;
  }
  return undefined;
}
