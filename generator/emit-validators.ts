import { createRequire } from "node:module";
/** The part of Ajv's class this stage uses (Ajv is CommonJS; its default export types poorly under NodeNext). */
interface AjvCore {
  addSchema(schema: object): unknown;
  validateSchema(schema: object): unknown;
  errors?: MetaSchemaError[] | null;
}
import { formats } from "../runtime/decode/index.js";
import * as fills from "../runtime/decode/fills/index.js";
import { compileError, invalidSchemaError, type MetaSchemaError } from "./ajv-errors.js";
import { SchemaError } from "./errors.js";
import { defaultsSatisfyRequired } from "./defaults-satisfy-required.js";
import { pathsFromRoot } from "./paths-from-root.js";
import { pathsOnFailure } from "./paths-on-failure.js";
import { needsOwnProperties, protoPropertyAsPattern } from "./prototype-keys.js";
import { slotKeywords } from "./slot-keywords.js";

const require = createRequire(import.meta.url);

/** A schema Ajv should know, with the file key it came from (for messages). */
export interface ValidatorSchema {
  id: string;
  file: string;
  schema: Record<string, unknown>;
}

/** The keyword that names a kata fill function (`runtime/decode/fills/`), run on an object before it is checked. */
const FILL_KEYWORD = "x-kata-fill";

/** The keyword of a property that takes a bigint (a DynamoDB N with more digits than a number holds). */
export const BIGINT_KEYWORD = "x-kata-bigint";

/** Keywords that carry typing information for json-schema-to-typescript, not validation rules. */
const TYPING_KEYWORDS = ["tsType", "tsEnumNames", "x-kata-exports", "x-kata-type-parameters"];

/** The only `require`s Ajv's standalone code emits for kata's options, and what replaces them. */
const RUNTIME_HELPERS: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
  'require("ajv/dist/runtime/equal").default': "equal",
};

/**
 * Stage "emit decoders": Ajv compiles every schema once and writes standalone code for the named
 * validators. The code imports its two helpers and the formats from kata's runtime instead of Ajv,
 * so that a function ships no validator library.
 */
export function emitValidators(given: ValidatorSchema[], exports: Record<string, string>, runtimeImport: string, draft2020: boolean, slots = false): string {
  const schemas = given.map((entry) => ({ ...entry, schema: protoPropertyAsPattern(entry.schema) }));
  for (const { file, schema } of schemas) checkFillNames(file, schema, "");
  const usedFills = new Set<string>();
  const ajv = createAjv(draft2020, schemas, usedFills, slots);
  for (const { id, file, schema } of schemas) {
    const withId = { ...withoutMetaSchema(schema), $id: id };
    if (ajv.validateSchema(withId) !== true) throw invalidSchemaError(file, ajv.errors);
    ajv.addSchema(withId);
  }
  let code: string;
  try {
    const standaloneCode = require("ajv/dist/standalone/index.js").default as (ajv: AjvCore, refs: Record<string, string>) => string;
    // Ajv writes a validator twice when two export names share one schema: alias the repeats instead.
    const firstByRef = new Map<string, string>();
    const aliases: string[] = [];
    for (const [name, ref] of Object.entries(exports)) {
      const first = firstByRef.get(ref);
      if (first) aliases.push(`export const ${name} = ${first};`);
      else firstByRef.set(ref, name);
    }
    code = standaloneCode(ajv, Object.fromEntries([...firstByRef].map(([ref, name]) => [name, ref])));
    code += aliases.length > 0 ? `\n${aliases.join("\n")}\n` : "";
  } catch (error) {
    throw compileError(error, given);
  }
  for (const [call, name] of Object.entries(RUNTIME_HELPERS)) code = code.split(call).join(name);
  const leftover = /require\("([^"]+)"\)/.exec(code);
  if (leftover) throw new SchemaError(schemas[0]?.file ?? "?", undefined, `needs "${leftover[1]}" at run time, which kata does not ship. Remove the keyword that needs it.`);
  code = defaultsSatisfyRequired(pathsFromRoot(sharedKeyEscapes(compactErrors(appendInPlace(pathsOnFailure(dropUnusedSchemaConstants(inlineSchemaValues(withoutSchemaPaths(lengthFastPath(pureFormatLookups(evaluatedAsConstants(code))))))))))));
  const appends = ["appendErrors", "appendErrorsAt", "pushError", "typeError", "requiredError", "pointerSegment"].filter((helper) => code.includes(`${helper}(`));
  const helpers = [...appends, "ucs2length", "equal", "formats as kataFormats", ...[...usedFills].sort()];
  const imports = `import { ${helpers.join(", ")} } from "${runtimeImport}";`;
  return `// @ts-nocheck -- Ajv standalone output; the typed wrappers are in the sibling modules.\n${imports}\n${code.replace(/^"use strict";/, "")}`;
}

/**
 * `minLength`/`maxLength` count code points, which costs a scan of the string. A string's code
 * points lie between half its UTF-16 length and its length, so the scan is needed only when the
 * length alone cannot decide (this halves the cost of validating string-heavy payloads).
 */
function lengthFastPath(code: string): string {
  const counter = /^const (func\d+) = ucs2length;$/m.exec(code)?.[1];
  if (!counter) return code;
  const call = new RegExp(`${counter}\\((data\\w*)\\) ([<>]) (\\d+)`, "g");
  return code.replace(call, (_all, data: string, op: string, limit: string) =>
    op === "<"
      ? `(${data}.length < ${limit} || (${data}.length < ${2 * Number(limit)} && ${counter}(${data}) < ${limit}))`
      : `(${data}.length > ${limit} && (${data}.length > ${2 * Number(limit)} || ${counter}(${data}) > ${limit}))`,
  );
}

/**
 * Draft 2020-12 validators carry what they evaluated (for `unevaluated*` across `$ref`s), which Ajv
 * attaches with a top-level `validateN.evaluated = {...};`. A bundler must keep such a statement,
 * and with it every validator of the module, even in a function that imports none of them. As a
 * module-level constant, an object literal is side-effect free and goes when nothing reads it.
 */
function evaluatedAsConstants(code: string): string {
  return code
    .replace(/^(validate\d+)\.evaluated = (.*);$/gm, "const $1Evaluated = $2;")
    .replace(/\b(validate\d+)\.evaluated\b/g, "$1Evaluated");
}

/**
 * `const formats0 = kataFormats["date-time"];` reads a property at the top level, which a bundler
 * must keep, and with it every format of kata/decode (1.6 kB minified), in a function whose
 * validators check no format. As a call marked pure it goes when no kept validator uses it.
 */
function pureFormatLookups(code: string): string {
  return code.replace(/^const (formats\d+) = (kataFormats\[[^\]\n]+\]);$/gm, "const $1 = /* @__PURE__ */ (() => $2)();");
}

/**
 * Ajv writes each error site as an object literal and a seven-line push: about 150 bytes minified,
 * and most of a validator's size. A call to kata/decode's recorder builds the same object (keys
 * in the same order), so a function's bundle carries a third of it; the code runs only on errors.
 */
function compactErrors(code: string): string {
  const site = /^const (err\d+) = \{(instancePath(?::[^\n]*?)?),keyword:"(\w+)",params:\{([^\n]*?)\},message:([^\n]*)\};\nif\(vErrors === null\)\{\nvErrors = \[\1\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}\n/gm;
  return code.replace(site, (all, _name: string, pathPart: string, keyword: string, params: string, message: string) => {
    const path = pathPart === "instancePath" ? "instancePath" : pathPart.slice("instancePath:".length);
    const type = /^type: "(\w+)"$/.exec(params)?.[1];
    if (keyword === "type" && type !== undefined && message === `"must be ${type}"`) return `vErrors = typeError(vErrors, ${path}, "${type}");\n`;
    const missing = /^missingProperty: "(\w+)"$/.exec(params)?.[1];
    if (keyword === "required" && missing !== undefined && message === `"must have required property '"+"${missing}"+"'"`) return `vErrors = requiredError(vErrors, ${path}, "${missing}");\n`;
    return `vErrors = pushError(vErrors, {instancePath:${path},keyword:"${keyword}",params:{${params}},message:${message}});\n`;
  });
}

/**
 * Ajv escapes a property name for a JSON pointer inline, with two regex replaces, at every error
 * site under a map's entries: eight times in the SQS envelope alone. kata/decode's
 * `pointerSegment` does the same (and its bundle carries it already), in a fifth of the bytes.
 */
function sharedKeyEscapes(code: string): string {
  return code.replace(/\b(key\d+)\.replace\(\/~\/g, "~0"\)\.replace\(\/\\\/\/g, "~1"\)/g, "pointerSegment($1)");
}

/**
 * Ajv gathers a referenced validator's errors with `vErrors.concat(...)`, a new array per call:
 * 40,000 SQS records without a messageId took seconds. Appending in place keeps it linear.
 */
function appendInPlace(code: string): string {
  return code.replace(/\bvErrors\.concat\(([\w$]+(?:\.validate)?\.errors)\)/g, "appendErrors(vErrors, $1)");
}

/** Ajv's errors name the schema location too; kata reports instance pointers only, so that text is load time for nothing. */
function withoutSchemaPaths(code: string): string {
  return code.replace(/schemaPath:"(?:[^"\\]|\\.)*",/g, "");
}

/**
 * Error parameters read small values out of whole-schema constants (`schema12.properties.x.type`).
 * Inlining those values lets the constants, descriptions and all, be dropped.
 */
function inlineSchemaValues(code: string): string {
  const constants = new Map<string, unknown>();
  for (const match of code.matchAll(/^const (schema\d+) = (.*);$/gm)) constants.set(match[1]!, JSON.parse(match[2]!));
  return code.replace(/\b(schema\d+)((?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])+)/g, (all, name: string, path: string) => {
    if (!constants.has(name)) return all;
    let value: unknown = constants.get(name);
    for (const [, dotted, quoted] of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/g)) {
      const key = dotted ?? (JSON.parse(quoted!) as string);
      if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return all;
      value = (value as Record<string, unknown>)[key];
    }
    const literal = JSON.stringify(value);
    // Objects stay shared: inlined, they would be rebuilt on every check (`const`, `enum` compare them).
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return all;
    // A list of names (an `enum`'s allowedValues) is built only for an error; inlined, it lets a
    // whole-schema constant go even when the list is long.
    const names = Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null);
    return literal.length > (names ? 2000 : 200) ? all : literal;
  });
}

/** Ajv keeps a copy of each schema for error parameters; copies that no code reads only cost load time. */
function dropUnusedSchemaConstants(code: string): string {
  return code.replace(/^const (schema\d+) = .*;\n/gm, (line, name: string) => (code.split(name).length > 2 ? line : ""));
}

function createAjv(draft2020: boolean, schemas: ValidatorSchema[], usedFills: Set<string>, slots: boolean): AjvCore {
  const { _, Name } = require("ajv") as typeof import("ajv");
  const AjvClass = (draft2020 ? require("ajv/dist/2020.js") : require("ajv")).default as new (options: object) => AjvCore;
  const extensionKeywords = new Set<string>(TYPING_KEYWORDS);
  for (const { schema } of schemas) collectExtensionKeywords(schema, extensionKeywords);
  extensionKeywords.delete(FILL_KEYWORD);
  extensionKeywords.delete(BIGINT_KEYWORD);
  const slotDefinitions = slots ? slotKeywords() : [];
  for (const { keyword } of slotDefinitions) extensionKeywords.delete(String(keyword));
  const fillKeyword = {
    keyword: FILL_KEYWORD,
    schemaType: "string",
    // First of all keywords, before `default`s are assigned, so a fill sees the event as it was sent.
    before: "$ref",
    code(cxt: { gen: { code(c: unknown): void }; schema: string; data: InstanceType<typeof Name> }) {
      usedFills.add(cxt.schema);
      cxt.gen.code(_`${new Name(cxt.schema)}(${cxt.data})`);
    },
  };
  // Only a DynamoDB integer too large for a number is a bigint (`dynamodb-unmarshall.ts`); where the schema wants one, nothing else passes.
  const bigintKeyword = {
    keyword: BIGINT_KEYWORD,
    schemaType: "boolean",
    error: { message: "must be an integer too large for a JavaScript number (a bigint)" },
    code(cxt: { schema: boolean; data: InstanceType<typeof Name>; fail(condition: unknown): void }) {
      if (cxt.schema) cxt.fail(_`typeof ${cxt.data} !== "bigint"`);
    },
  };
  return new AjvClass({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    ownProperties: needsOwnProperties(schemas.map((s) => s.schema)),
    code: { source: true, esm: true, lines: true, formats: _`kataFormats` },
    formats,
    // Tolerant reader: a field AWS's tools may omit carries its documented meaning as a `default`.
    useDefaults: true,
    keywords: [...[...extensionKeywords].sort(), fillKeyword, bigintKeyword, ...slotDefinitions],
  });
}

/** `x-*` keywords are vendor extensions by convention; Ajv ignores them once they are declared. */
function collectExtensionKeywords(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectExtensionKeywords(item, into);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) into.add(key);
      collectExtensionKeywords(value, into);
    }
  }
}

/** A fill is called by name from generated code, so only kata's own fill functions may be named. */
function checkFillNames(file: string, node: unknown, pointer: string): void {
  if (Array.isArray(node)) node.forEach((item, i) => checkFillNames(file, item, `${pointer}/${i}`));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      // An object here is a property schema that happens to be called so, not the keyword.
      if (key === FILL_KEYWORD && typeof value !== "object" && !(typeof value === "string" && Object.prototype.hasOwnProperty.call(fills, value))) {
        throw new SchemaError(file, at, `names ${JSON.stringify(value)}, which is not a kata fill function. Use one of: ${Object.keys(fills).sort().join(", ")}.`);
      }
      checkFillNames(file, value, at);
    }
  }
}

function withoutMetaSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
