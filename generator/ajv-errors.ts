import { formats } from "../runtime/decode/index.js";
import { SchemaError } from "./errors.js";
import { schemaNodes } from "./schema-walk.js";

/** A schema as the validator stage knows it: its text's file key, for messages. */
interface LocatedSchema {
  file: string;
  schema: Record<string, unknown>;
}

/** One meta-schema violation as Ajv reports it. */
export interface MetaSchemaError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A schema that fails the JSON Schema meta-schema: its first problem, at its pointer in the file. */
export function invalidSchemaError(file: string, errors: readonly MetaSchemaError[] | null | undefined): SchemaError {
  const first = errors?.[0];
  const allowed = first?.params.allowedValues;
  const detail = `${first?.message ?? "does not match the meta-schema"}${Array.isArray(allowed) ? ` (${allowed.join(", ")})` : ""}`;
  return new SchemaError(file, first?.instancePath ?? "", `is not a valid JSON Schema: ${detail}.`);
}

/**
 * An error Ajv threw while compiling. Its message names neither the file nor (for keywords) the
 * place, so the keyword it names is looked up in the schemas themselves.
 */
export function compileError(error: unknown, schemas: LocatedSchema[]): SchemaError {
  const message = error instanceof Error ? error.message : String(error);
  const unknownFormat = /unknown format "([^"]+)"/.exec(message)?.[1];
  if (unknownFormat !== undefined) {
    const { file, at } = locate(schemas, (node) => node.format === unknownFormat);
    return new SchemaError(file, at, `format "${unknownFormat}" is not supported. kata checks ${Object.keys(formats).join(", ")}; use "pattern" for others.`);
  }
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
  if (unknownKeyword !== undefined) {
    const { file, at } = locate(schemas, (node) => Object.prototype.hasOwnProperty.call(node, unknownKeyword));
    return new SchemaError(file, at, `unknown keyword "${unknownKeyword}" (a typo?). Fix it, or prefix vendor keywords with "x-".`);
  }
  const badPattern = /Invalid regular expression: \/(.*)\/[a-z]*: (.*)$/.exec(message);
  if (badPattern) {
    const [, pattern, reason] = badPattern;
    const { file, at } = locate(schemas, (node) => node.pattern === pattern || Object.prototype.hasOwnProperty.call(node.patternProperties ?? {}, pattern!));
    return new SchemaError(file, at, `pattern "${pattern}" is not a valid regular expression (${reason}). kata compiles patterns with the "u" flag.`);
  }
  const { file, at } = locate(schemas, () => false);
  return new SchemaError(file, at, `cannot be compiled: ${message}`);
}

/** The first schema object, over all files, that `test` accepts. */
function locate(schemas: LocatedSchema[], test: (node: Record<string, unknown>) => boolean): { file: string; at: string | undefined } {
  for (const { file, schema } of schemas) {
    for (const { node, at } of schemaNodes(schema)) if (test(node)) return { file, at };
  }
  return { file: schemas[0]?.file ?? "?", at: undefined };
}
