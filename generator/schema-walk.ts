/** Keywords whose values are data, not schemas: a `$ref` or `format` key inside them is a value. */
const DATA_KEYWORDS = new Set(["const", "enum", "default", "examples"]);

export interface SchemaNode {
  node: Record<string, unknown>;
  /** JSON Pointer of `node` inside the walked schema. */
  at: string;
}

/** Every object of a schema with its JSON Pointer, parents first, skipping data keywords. */
export function* schemaNodes(node: unknown, at = ""): Generator<SchemaNode> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* schemaNodes(node[i], `${at}/${i}`);
  } else if (typeof node === "object" && node !== null) {
    yield { node: node as Record<string, unknown>, at };
    for (const [name, value] of Object.entries(node)) if (!DATA_KEYWORDS.has(name)) yield* schemaNodes(value, `${at}/${escapePointer(name)}`);
  }
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
