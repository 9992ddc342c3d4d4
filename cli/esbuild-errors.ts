import { relative, resolve } from "node:path";
import { CommandError } from "./command-error.js";
import { generatedModuleHint } from "./generated-hint.js";

/** esbuild could not compile or bundle the handler. */
export class CompileError extends CommandError {
  override readonly name = "CompileError";
}

interface EsbuildMessage {
  text: string;
  location: { file: string; line: number; column: number } | null;
}

/**
 * One line per esbuild error, `file:line:column: text`, the way editors link them. The first
 * error is what the user fixes first; the count tells how many remain.
 */
export function compileErrorFrom(error: unknown, cwd: string): Error {
  const errors = (error as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return error instanceof Error ? error : new Error(String(error));
  const [first] = errors as [EsbuildMessage];
  const hint = generatedModuleHint(first.text, first.location === null ? undefined : resolve(cwd, first.location.file), cwd);
  const where = first.location === null ? "" : `${relative(cwd, first.location.file) || first.location.file}:${first.location.line}:${first.location.column + 1}: `;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
  return new CompileError(`${where}${hint ?? first.text}${more}`);
}

/** esbuild's ESM output of CommonJS code calls `require`; this gives it one. */
export const REQUIRE_SHIM = 'import { createRequire as __kataCreateRequire } from "node:module"; const require = __kataCreateRequire(import.meta.url);';

/** The handler module lacks the export that `_HANDLER` names. */
export function assertExported(exportsFound: readonly string[] | undefined, exportName: string, shownFile: string): void {
  const first = exportName.split(".")[0]!;
  if (exportsFound === undefined || exportsFound.includes(first)) return;
  const listed = exportsFound.length === 0 ? "it exports nothing" : `it exports: ${exportsFound.join(", ")}`;
  // esbuild does not say which exports are functions; "handler" is the likeliest to be one.
  const example = exportsFound.includes("handler") ? "handler" : (exportsFound[0] ?? "handler");
  throw new CommandError(`${shownFile} has no export "${first}" (${listed}); name an exported function, e.g. ${shownFile.replace(/\.[mc]?[jt]s$/, "")}.${example}`);
}
