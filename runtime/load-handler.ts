import { toErrorResponse } from "./error-response.js";
import { createRequire, existsSync, pathToFileURL, resolve } from "./builtins.js";
import { HandlerNotFoundError, ImportModuleError, MalformedHandlerNameError, UserCodeSyntaxError } from "./errors.js";

const EXTENSIONS = [".js", ".mjs", ".cjs"];

/** Where a handler name (`path/module.export.nested`) points. */
export interface HandlerLocation {
  /** Absolute path of the module, without extension. */
  modulePath: string;
  /** The export, then any nested properties: `index.handlers.orders` gives `["handlers", "orders"]`. */
  exportPath: string[];
}

/** Parses `_HANDLER` like the managed runtime: the module is everything before the first dot of the last path segment. */
export function parseHandlerName(taskRoot: string, name: string): HandlerLocation {
  const slash = name.lastIndexOf("/");
  const base = name.slice(slash + 1);
  const dot = base.indexOf(".");
  const exportPath = dot > 0 ? base.slice(dot + 1).split(".") : [];
  if (name.includes("..") || exportPath.length === 0 || exportPath.includes("")) {
    throw new MalformedHandlerNameError(`'${name}' is not a valid handler name. Use path/module.export relative to ${taskRoot}, e.g. index.handler or src/orders.handlers.create.`);
  }
  return { modulePath: resolve(taskRoot, name.slice(0, slash + 1) + base.slice(0, dot)), exportPath };
}

/**
 * Imports the handler module (`.js`, `.mjs` or `.cjs`; a `.js` file is ESM or CommonJS by its
 * nearest package.json `type`, as Node decides) and returns the named export.
 * Throws `Runtime.ImportModuleError`, `Runtime.UserCodeSyntaxError` or `Runtime.HandlerNotFound`.
 */
export async function loadHandler(taskRoot: string, name: string): Promise<unknown> {
  const { modulePath, exportPath } = parseHandlerName(taskRoot, name);
  const file = EXTENSIONS.map((extension) => modulePath + extension).find((candidate) => existsSync(candidate));
  if (file === undefined) {
    throw new ImportModuleError(`Cannot find module '${modulePath}' (tried ${EXTENSIONS.join(", ")}) for handler '${name}'. Check _HANDLER and LAMBDA_TASK_ROOT (${taskRoot}).`);
  }
  const namespace = await importModule(file);
  const handler = lookUp(namespace, exportPath);
  if (typeof handler !== "function") {
    const exported = Object.keys(namespace).join(", ") || "nothing";
    throw new HandlerNotFoundError(`${name} is undefined or not exported: ${file} exports ${exported}, and '${exportPath.join(".")}' is ${handler === undefined ? "not among them" : `of type ${handler === null ? "null" : typeof handler}, not a function`}.`);
  }
  return handler;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (requireSyncEsm(file) ?? (await import(pathToFileURL(file).href))) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError) {
      const wrapped = new UserCodeSyntaxError(`${file}: ${error.message}`, { cause: error });
      wrapped.stack = error.stack ?? wrapped.stack;
      throw wrapped;
    }
    const described = toErrorResponse(error);
    const reason = error instanceof Error ? `${described.errorType}: ${described.errorMessage}` : described.errorMessage;
    throw new ImportModuleError(`Importing ${file} failed: ${reason}`, { cause: error });
  }
}

/**
 * An `.mjs` module through `require()`, where Node loads ES modules that way without a warning:
 * the same module namespace as `import()` gives, about 2 ms sooner on a cold start (Node's
 * asynchronous module loader stays unloaded). `undefined` where `import()` must do it: an older
 * Node, or a module graph with top-level await (refused before any of it runs). `.js` and `.cjs`
 * modules keep `import()`, which gives a CommonJS module's exports as a namespace.
 */
function requireSyncEsm(file: string): unknown {
  if (!file.endsWith(".mjs") || !requireLoadsEsmQuietly()) return undefined;
  try {
    return createRequire(file)(file);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "ERR_REQUIRE_ASYNC_MODULE") return undefined;
    throw error;
  }
}

/** require(esm): on by default from Node 20.19 and 22.12; 22.12 and 23.0–23.4 warn when it is used. */
function requireLoadsEsmQuietly(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  return process.features.require_module === true && !(major === 22 && minor === 12) && !(major === 23 && minor < 5);
}

/** Follows the export path; a CommonJS module's `module.exports` is also searched (as `default`). */
function lookUp(namespace: Record<string, unknown>, path: string[]): unknown {
  const [first, ...rest] = path as [string, ...string[]];
  let value: unknown = namespace[first];
  const commonJs = namespace.default;
  if (value === undefined && (typeof commonJs === "object" || typeof commonJs === "function") && commonJs !== null) {
    value = (commonJs as Record<string, unknown>)[first];
  }
  for (const key of rest) {
    value = typeof value === "object" || typeof value === "function" ? (value as Record<string, unknown> | null)?.[key] : undefined;
  }
  return value;
}

