import type { SourceMap } from "node:module";

/*
 * Stack traces mapped through the function's source map when a stack is first formatted, rather
 * than at start. Node's own source maps (`--enable-source-maps`, `process.setSourceMapsEnabled`)
 * read and parse the map of every module as it loads: 1.5–4 ms of cold start for examples/orders'
 * bundle, paid by every sandbox although most never format a stack. Here the first stack that
 * names a file reads that file's `sourceMappingURL` and map, once; a file without one, or with a
 * map that is missing or corrupt, keeps its generated positions. Formatting never throws: a stack
 * is how an error gets reported.
 */

/** A file's source map, and the URL its sources are relative to (the map's own). */
interface FileMap {
  map: SourceMap;
  url: string;
  /** Prefixed to every source, as Node does with it (tsc writes one with `--sourceRoot`). */
  sourceRoot: string;
  /** The generated file's lines, where V8's positions point. */
  lines: string[];
  /** Original function names by the generated place where the function starts. */
  names: Map<string, string | undefined>;
}

type MapOf = (fileName: string) => FileMap | undefined;

/**
 * Whether stacks are still formatted by Node's default, so that mapping them takes nothing from
 * anyone: not with Node's own source maps on, nor over a formatter that a preloaded module (a
 * layer's wrapper, source-map-support) installed. Node ≥ 20 exposes its default as
 * `ErrorPrepareStackTrace`; earlier ones leave `Error.prepareStackTrace` unset.
 */
export function nodeFormatsStacks(): boolean {
  const format = Error.prepareStackTrace;
  return !process.sourceMapsEnabled && (format === undefined || format.name === "ErrorPrepareStackTrace");
}

/**
 * V8's default stack text, with the frames of source-mapped files at their original places.
 * Installed only over Node's default formatter (`nodeFormatsStacks`), else a no-op.
 */
export function installSourceMappedStacks(): void {
  if (!nodeFormatsStacks()) return;
  const maps = new Map<string, FileMap | undefined>();
  const mapOf: MapOf = (fileName) => {
    if (!maps.has(fileName)) maps.set(fileName, attempt(() => readSourceMap(fileName)));
    return maps.get(fileName);
  };
  const nodeFormat = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: unknown, callSites: NodeJS.CallSite[]) =>
    header(error, nodeFormat) + callSites.map((site) => `\n    at ${frameText(site, mapOf)}`).join("");
}

type Format = typeof Error.prepareStackTrace;

/** Node's own first line where it has a formatter (it names a Node error's code: `TypeError [ERR_INVALID_ARG_TYPE]: ...`). */
function header(error: unknown, nodeFormat: Format): string {
  const own = typeof nodeFormat === "function" ? attempt(() => nodeFormat(error as Error, [])) : undefined;
  return typeof own === "string" ? own : (attempt(() => Error.prototype.toString.call(error)) ?? "<error>");
}

/** One frame as V8 writes it, its place (and a minified function name) replaced through the map. */
export function frameText(site: NodeJS.CallSite, mapOf: MapOf): string {
  const text = attempt(() => String(site)) ?? "<frame>";
  return attempt(() => mappedFrameText(site, text, mapOf)) ?? text;
}

function mappedFrameText(site: NodeJS.CallSite, text: string, mapOf: MapOf): string {
  const fileName = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!fileName || line === null || column === null || !isFile(fileName)) return text;
  const fileMap = mapOf(fileName);
  const place = `${fileName}:${line}:${column}`;
  const at = text.lastIndexOf(place);
  if (!fileMap || at < 0) return text;
  const { map, url, sourceRoot } = fileMap;
  const entry = map.findEntry(line - 1, column - 1) as Partial<SourceMapEntry>;
  if (typeof entry.originalSource !== "string" || entry.originalLine === undefined || entry.originalColumn === undefined) return text;
  const original = `${sourcePath(sourceRoot + entry.originalSource, url)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const callee = renamed(text.slice(0, at), site, fileMap);
  return callee + original + text.slice(at + place.length);
}

interface SourceMapEntry {
  originalSource: string;
  originalLine: number;
  originalColumn: number;
  name?: string;
}

/**
 * The function's name in the sources, for a bundle minified with names in its map (esbuild's):
 * V8 gives where the function starts (`function n(`, `async n(`), and the map names the generated
 * identifier that follows.
 */
function renamed(callee: string, site: NodeJS.CallSite, fileMap: FileMap): string {
  const name = site.getFunctionName();
  const enclosing = site as NodeJS.CallSite & { getEnclosingLineNumber?(): number | null; getEnclosingColumnNumber?(): number | null };
  const line = enclosing.getEnclosingLineNumber?.();
  const column = enclosing.getEnclosingColumnNumber?.();
  if (!name || !line || !column) return callee;
  const original = originalName(fileMap, line - 1, column - 1, name);
  if (!original || original === name) return callee;
  // "async ", "new " and "Type." lead the name; " [as method] (" follows it.
  const found = new RegExp(`(^|[ .])${escapeRegExp(name)}(?= \\[as | \\($)`).exec(callee);
  if (!found) return callee;
  const start = found.index + found[1]!.length;
  return callee.slice(0, start) + original + callee.slice(start + name.length);
}

const NAME_WITHIN = 24; // "async function* " and the like, between a function's start and its name

function originalName(fileMap: FileMap, line: number, column: number, name: string): string | undefined {
  const key = `${line}:${column}`;
  if (!fileMap.names.has(key)) fileMap.names.set(key, lookUpName(fileMap, line, column, name));
  return fileMap.names.get(key);
}

function lookUpName({ map, lines }: FileMap, line: number, column: number, name: string): string | undefined {
  const near = lines[line]?.slice(column, column + NAME_WITHIN + name.length + 1) ?? "";
  const found = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`).exec(near);
  if (!found) return undefined;
  const at = column + found.index;
  const entry = map.findEntry(line, at) as Partial<SourceMapEntry> & { generatedColumn?: number };
  return entry.generatedColumn === at ? entry.name : undefined;
}

function readSourceMap(fileName: string): FileMap | undefined {
  const { readFileSync } = process.getBuiltinModule("node:fs");
  const { fileURLToPath, pathToFileURL } = process.getBuiltinModule("node:url");
  const path = fileName.startsWith("file:") ? fileURLToPath(fileName) : fileName;
  const code = readFileSync(path, "utf8");
  // The last comment, which may be a whole inline map long: look it up by its start, not by a regex over the file.
  const start = Math.max(code.lastIndexOf("//# sourceMappingURL="), code.lastIndexOf("//@ sourceMappingURL="));
  const comment = start < 0 ? undefined : /^\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(code.slice(start))?.[1];
  if (!comment) return undefined;
  const fileUrl = pathToFileURL(path).href;
  const inline = comment.startsWith("data:");
  const url = inline ? fileUrl : new URL(comment, fileUrl).href;
  const payload = inline ? inlineMap(comment) : readFileSync(fileURLToPath(url), "utf8");
  const { SourceMap } = process.getBuiltinModule("node:module");
  const parsed = JSON.parse(payload) as { sourceRoot?: unknown };
  const sourceRoot = typeof parsed.sourceRoot === "string" ? parsed.sourceRoot : "";
  return { map: new SourceMap(parsed as ConstructorParameters<typeof SourceMap>[0]), url, sourceRoot, lines: code.split("\n"), names: new Map() };
}

function inlineMap(url: string): string {
  const comma = url.indexOf(",");
  const data = url.slice(comma + 1);
  return url.slice(0, comma).endsWith(";base64") ? Buffer.from(data, "base64").toString("utf8") : decodeURIComponent(data);
}

/** A map's sources are URLs relative to the map: shown as paths, as Node shows them. */
function sourcePath(source: string, mapUrl: string): string {
  const { fileURLToPath } = process.getBuiltinModule("node:url");
  const url = new URL(source, mapUrl);
  return url.protocol === "file:" ? fileURLToPath(url) : url.href;
}

function isFile(fileName: string): boolean {
  return fileName.startsWith("/") || fileName.startsWith("file:");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
