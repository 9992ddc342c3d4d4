import { compile } from "json-schema-to-typescript";
import { Project, type SourceFile } from "ts-morph";

/** A type parameter declared in a schema with `x-kata-type-parameters`. */
export interface TypeParameter {
  name: string;
  constraint?: string;
  default?: string;
}

/**
 * Stage "emit types": json-schema-to-typescript turns a bundle (one root schema with every named
 * type under `definitions`) into interfaces. Schemas that declare `x-kata-type-parameters` become
 * generic: j2ts writes the parameter names through `tsType`, and ts-morph declares them.
 */
export async function emitTypes(bundle: Record<string, unknown>, rootName: string, generics: Map<string, TypeParameter[]>, dropTypes: (name: string) => boolean): Promise<string> {
  const protected_ = protectProtoKeys(holdUnionRoot(structuredClone(bundle), rootName));
  const text = await compile(protected_ as never, rootName, {
    bannerComment: "",
    additionalProperties: false, // only for typing: unknown fields stay allowed at run time
    unreachableDefinitions: true,
    declareExternallyReferenced: true,
    format: false,
    strictIndexSignatures: false,
    ignoreMinAndMaxItems: true,
  });
  const source = new Project({ useInMemoryFileSystem: true }).createSourceFile("types.ts", stripReferencedBy(text).replaceAll(PROTO_STAND_IN, '"__proto__"'));
  for (const [name, parameters] of generics) addTypeParameters(source, name, parameters);
  source.getInterface(UNION_ROOT_HOLDER)?.remove();
  for (const node of [...source.getInterfaces(), ...source.getTypeAliases()]) if (dropTypes(node.getName())) node.remove();
  source.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return source.getFullText().trim();
}

function addTypeParameters(source: SourceFile, name: string, parameters: TypeParameter[]): void {
  const node = source.getInterface(name) ?? source.getTypeAlias(name);
  if (!node) throw new Error(`emit-types: no type ${name} to make generic`);
  for (const parameter of parameters) {
    node.addTypeParameter({ name: parameter.name, constraint: parameter.constraint, default: parameter.default });
  }
}

/*
 * json-schema-to-typescript declares the unreachable definitions only under a root it turns into an
 * interface. A root that is a union (a CloudFormation request is Create | Update | Delete, as anyOf or
 * as a `tsType`) becomes one more definition, under an empty object root removed from the output.
 */
const UNION_ROOT_HOLDER = "KataUnionRootHolder";

function holdUnionRoot(bundle: Record<string, unknown>, rootName: string): Record<string, unknown> {
  const { definitions, $id: _id, $schema: _schema, ...root } = bundle;
  if (("properties" in root && !("tsType" in root)) || typeof definitions !== "object" || definitions === null) return bundle;
  return { title: UNION_ROOT_HOLDER, type: "object", properties: {}, definitions: { ...definitions, [rootName]: { ...root, title: rootName } } };
}

/*
 * json-schema-to-typescript silently drops a property named `__proto__` (it builds plain
 * objects from property names). The name is swapped for a stand-in and swapped back in the text.
 */
const PROTO_STAND_IN = "__kata_proto_stand_in__";

function protectProtoKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(protectProtoKeys);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  // A bigint property (`"x-kata-bigint": true`) is typed so, unless the schema says otherwise.
  if ((node as Record<string, unknown>)["x-kata-bigint"] === true && !("tsType" in node)) out.tsType = "bigint";
  for (const key of Object.keys(node)) {
    // A `default` beside a `$ref` (the tolerant reader's) would make j2ts declare a copy of the referenced type.
    if (key === "default" && "$ref" in node) continue;
    const value = protectProtoKeys((node as Record<string, unknown>)[key]);
    if (key === "properties" && typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, "__proto__")) {
      const properties = value as Record<string, unknown>;
      Object.defineProperty(properties, PROTO_STAND_IN, { value: properties["__proto__"], enumerable: true, writable: true, configurable: true });
      delete properties["__proto__"];
    }
    if (key === "required" && Array.isArray(value)) {
      Object.defineProperty(out, key, { value: value.map((name) => (name === "__proto__" ? PROTO_STAND_IN : name)), enumerable: true, writable: true });
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** j2ts notes where each definition was reached from; in kata's bundles that names internal keys only. */
function stripReferencedBy(text: string): string {
  return text
    .replace(/\/\*\*\n \* This interface was referenced by [^\n]*\n \* via the `definition` "[^"]*"\.\n \*\/\n/g, "")
    .replace(/ \*[ \t]*\n \* This interface was referenced by [^\n]*\n \* via the `definition` "[^"]*"\.\n/g, "");
}
