/*
 * Property names that are also members of Object.prototype (`constructor`, `toString`,
 * `__proto__`, ...) need care in Ajv's standalone code, which reads a property as `data.name`.
 */
import { schemaNodes } from "./schema-walk.js";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An absent `constructor` is found on the prototype, so `required` would pass and `type` would
 * fail. Ajv's `ownProperties` option adds a hasOwnProperty call per property; only schemas that
 * name such a property pay for it.
 */
export function needsOwnProperties(schemas: unknown[]): boolean {
  for (const { node } of schemas.flatMap((schema) => [...schemaNodes(schema)])) {
    const names = [...(isObject(node.properties) ? Object.keys(node.properties) : []), ...(Array.isArray(node.required) ? node.required : [])];
    if (names.some((name) => typeof name === "string" && name in Object.prototype)) return true;
  }
  return false;
}

/**
 * Ajv skips a `properties` entry named `__proto__` (a guard against prototype pollution), which
 * would leave the property unchecked and unknown to `additionalProperties: false`. JSON.parse
 * makes `__proto__` an ordinary own key, so a pattern property matching exactly that name checks
 * it like any other. Returns a copy when there is something to move.
 */
export function protoPropertyAsPattern(schema: Record<string, unknown>): Record<string, unknown> {
  const hasProto = (node: Record<string, unknown>) => isObject(node.properties) && Object.prototype.hasOwnProperty.call(node.properties, "__proto__");
  if (![...schemaNodes(schema)].some(({ node }) => hasProto(node))) return schema;
  const copy = structuredClone(schema);
  for (const { node } of [...schemaNodes(copy)].filter(({ node }) => hasProto(node))) {
    const properties = node.properties as Record<string, unknown>;
    const patterns = isObject(node.patternProperties) ? node.patternProperties : {};
    node.patternProperties = { ...patterns, "^__proto__$": properties["__proto__"] };
    delete properties["__proto__"];
  }
  return copy;
}
