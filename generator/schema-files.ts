import { existsSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { checkPatterns } from "./check-patterns.js";
import { allows, OUTSIDE_HINT, type ProjectBoundary } from "./project-boundary.js";
import { SchemaError } from "./errors.js";
import { readJsonFile } from "./read-json.js";
import { schemaNodes } from "./schema-walk.js";

/** One schema file the user's config reaches, directly or through `$ref`. */
export interface SchemaFile {
  /** Path relative to the config folder, with `/`: the file's name in messages and generated code. */
  key: string;
  schema: Record<string, unknown>;
}

/** A `path#pointer` reference split into the file key and the pointer. */
export interface SchemaTarget {
  key: string;
  pointer: string;
}

/**
 * Every file reachable from `entryRefs`, sorted by key so that output never depends on order.
 * A `$ref` to a file outside `boundary` is refused before the file is opened.
 */
export function loadSchemaFiles(baseDir: string, entryRefs: string[], boundary: ProjectBoundary = { root: baseDir, open: true }): Map<string, SchemaFile> {
  const files = new Map<string, SchemaFile>();
  const pending: { key: string; from?: { key: string; at: string; ref: string } }[] = entryRefs.map((ref) => ({ key: targetOf(baseDir, baseDir, ref).key }));
  while (pending.length > 0) {
    const { key, from } = pending.pop()!;
    if (files.has(key)) continue;
    if (from && !allows(boundary, resolve(baseDir, key))) {
      throw new SchemaError(from.key, from.at, `$ref "${from.ref}" names ${resolve(baseDir, key)}, which is outside the project (${boundary.root}); kata does not read it. ${OUTSIDE_HINT}`);
    }
    if (from && !existsSync(resolve(baseDir, key))) {
      throw new SchemaError(from.key, from.at, `$ref "${from.ref}" names ${key}, which does not exist. Fix the path (it starts from ${from.key}'s folder).`);
    }
    const schema = readJsonFile(resolve(baseDir, key), key, SchemaError);
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      throw new SchemaError(key, "", "a schema must be a JSON object. Wrap the type in { \"type\": ... }.");
    }
    checkPatterns(key, schema);
    files.set(key, { key, schema: schema as Record<string, unknown> });
    for (const { ref, at } of refsIn(schema)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        throw new SchemaError(key, at, `$ref "${ref}" is remote; kata resolves only files. Save it next to your schemas and refer to it by relative path.`);
      }
      if (!ref.startsWith("#")) pending.push({ key: targetOf(baseDir, dirname(resolve(baseDir, key)), ref).key, from: { key, at, ref } });
    }
  }
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const file of sorted.values()) checkRefTargets(baseDir, file, sorted);
  return sorted;
}

/** Resolves `ref` (a file path with an optional `#pointer`) against `fromDir`. */
export function targetOf(baseDir: string, fromDir: string, ref: string): SchemaTarget {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
  const key = relative(baseDir, resolve(fromDir, filePart)).split(sep).join("/");
  return { key, pointer };
}

/** Every `$ref` string in a schema, with the JSON pointer of the object that holds it. */
export function* refsIn(schema: unknown): Generator<{ ref: string; at: string }> {
  for (const { node, at } of schemaNodes(schema)) if (typeof node.$ref === "string") yield { ref: node.$ref, at };
}

export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "/") return root;
  let node: unknown = root;
  for (const raw of pointer.replace(/^\//, "").split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function checkRefTargets(baseDir: string, file: SchemaFile, files: Map<string, SchemaFile>): void {
  for (const { ref, at } of refsIn(file.schema)) {
    const target = ref.startsWith("#") ? { key: file.key, pointer: decodeURIComponent(ref.slice(1)) } : targetOf(baseDir, dirname(resolve(baseDir, file.key)), ref);
    const targetFile = files.get(target.key);
    if (!targetFile || resolvePointer(targetFile.schema, target.pointer) === undefined) {
      throw new SchemaError(file.key, at, `$ref "${ref}" points at nothing (no "${target.pointer || "/"}" in ${target.key}). Fix the pointer or add the definition.`);
    }
  }
}
