import { basename, dirname, resolve } from "node:path";
import { resolvePointer, targetOf, type SchemaFile, type SchemaTarget } from "./schema-files.js";
import { schemaNodes } from "./schema-walk.js";

export interface TypeBundle {
  /** One schema holding every file under `definitions`, with `$ref`s pointing inside it. */
  schema: Record<string, unknown>;
  rootName: string;
  /** Types that only hold the bundle together and are not emitted. */
  isInternal(name: string): boolean;
  /** Declarations j2ts cannot express: an entry whose payload is another entry's payload. */
  aliases: string[];
}

const ROOT = "KataPayloads";
const UNUSED_FILE = "KataUnusedFile";

/**
 * Stage "resolve": json-schema-to-typescript compiles one schema at a time, and would declare a
 * type reached from two files twice. Bundling every file into one schema, with each `$ref`
 * rewritten to point inside it, makes each shared type a single declaration.
 */
export function buildTypeBundle(baseDir: string, files: Map<string, SchemaFile>, targets: { typeName: string; target: SchemaTarget }[]): TypeBundle {
  const definitionKey = new Map([...files.keys()].map((key, i) => [key, `file${i}_${key.replace(/[^A-Za-z0-9]/g, "_")}`]));
  const definitions: Record<string, Record<string, unknown>> = {};
  const referencedRoots = new Set<string>();
  for (const file of files.values()) {
    const copy = structuredClone(file.schema);
    delete copy.$id;
    delete copy.$schema;
    rewriteRefs(copy, (ref) => {
      const target = ref.startsWith("#") ? { key: file.key, pointer: decodeURIComponent(ref.slice(1)) } : targetOf(baseDir, dirname(resolve(baseDir, file.key)), ref);
      if (target.pointer === "" || target.pointer === "/") referencedRoots.add(target.key);
      return `#/definitions/${definitionKey.get(target.key)}${target.pointer === "/" ? "" : target.pointer}`;
    });
    definitions[definitionKey.get(file.key)!] = copy;
  }
  const named = new Map<unknown, string>();
  const aliases: string[] = [];
  for (const { typeName, target } of targets) {
    const node = resolvePointer(definitions[definitionKey.get(target.key)!], target.pointer) as Record<string, unknown>;
    const existing = named.get(node);
    if (existing) aliases.push(`export type ${typeName} = ${existing};`);
    else {
      named.set(node, typeName);
      node.title = typeName;
      // j2ts names a bare `$ref` after its target and drops the title; `allOf` keeps it, as an alias.
      if (typeof node.$ref === "string") {
        node.allOf = [{ $ref: node.$ref }, ...(Array.isArray(node.allOf) ? node.allOf : [])];
        delete node.$ref;
      }
    }
  }
  let unused = 0;
  for (const [key, definition] of Object.entries(definitions)) {
    if (named.has(definition)) continue;
    const fileKey = [...definitionKey].find(([, k]) => k === key)![0];
    definition.title = referencedRoots.has(fileKey) ? (typeof definition.title === "string" ? definition.title : pascal(basename(fileKey))) : `${UNUSED_FILE}${unused++}`;
  }
  return {
    schema: { title: ROOT, type: "object", additionalProperties: false, properties: {}, definitions },
    rootName: ROOT,
    isInternal: (name) => name === ROOT || name.startsWith(UNUSED_FILE),
    aliases,
  };
}

function pascal(fileName: string): string {
  return fileName.replace(/\.(schema\.)?json$/, "").split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

function rewriteRefs(schema: unknown, rewrite: (ref: string) => string): void {
  for (const { node } of schemaNodes(schema)) if (typeof node.$ref === "string") node.$ref = rewrite(node.$ref);
}
