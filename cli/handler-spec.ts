import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { CommandError } from "./command-error.js";

/** Extensions tried for `path/to/module`, TypeScript first (kata compiles it on the fly). */
export const MODULE_EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];
const TYPESCRIPT = /\.[mc]?ts$/;

export interface HandlerSpec {
  /** As the user wrote it, e.g. `src/orders.handler`. */
  spec: string;
  /** Absolute path of the module file. */
  file: string;
  /** The export to call; may be nested (`handlers.main`), as Lambda's Node.js runtime allows. */
  exportName: string;
  typescript: boolean;
}

/** The handler's module file does not exist. */
export class HandlerNotFoundError extends CommandError {
  override readonly name = "HandlerNotFoundError";
}

/**
 * Resolves `path/to/module.export` (Lambda's handler syntax) to a module file. The extension may
 * be written (`src/app.ts.handler`, `src/app.ts`); the export defaults to `handler`.
 */
export function resolveHandler(spec: string, cwd: string): HandlerSpec {
  const base = basename(spec);
  const dot = base.indexOf(".");
  let name = dot < 0 ? base : base.slice(0, dot);
  let exportName = dot < 0 ? "handler" : base.slice(dot + 1);
  let extensions = MODULE_EXTENSIONS;
  const written = MODULE_EXTENSIONS.find((ext) => exportName === ext.slice(1) || exportName.startsWith(ext.slice(1) + "."));
  if (written !== undefined) {
    extensions = [written];
    exportName = exportName.slice(written.length).replace(/^\./, "") || "handler";
  }
  if (name === "" || exportName === "") {
    throw new CommandError(`"${spec}" is not a handler; write it as path/to/module.export, e.g. src/orders.handler`);
  }
  const candidates = extensions.map((ext) => resolve(cwd, dirname(spec), name + ext));
  const file = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (file === undefined) {
    const tried = candidates.map((c) => relative(cwd, c) || c).join(", ");
    throw new HandlerNotFoundError(`no module for handler "${spec}": none of ${tried} exists (in ${cwd})`);
  }
  name = basename(file);
  return { spec, file, exportName, typescript: TYPESCRIPT.test(name) };
}

/** `_HANDLER` and `LAMBDA_TASK_ROOT` for a module run as is (plain JavaScript). */
export function lambdaHandlerOf(file: string, exportName: string): { taskRoot: string; handler: string } {
  const moduleName = basename(file).replace(/\.[mc]?js$/, "");
  return { taskRoot: dirname(file), handler: `${moduleName}.${exportName}` };
}

export function moduleDisplayName(file: string, cwd: string): string {
  const shown = relative(cwd, file);
  return shown.startsWith("..") ? file : shown || join(".", basename(file));
}
