import type { EventEntry, Source } from "./config.js";

/**
 * The full event schema of a config entry: the built-in schema of its source with the payload
 * slots pointing at the user's schemas. It backs `isNameEvent` / `assertNameEvent`, which see the
 * event with its JSON payloads already parsed.
 */
export function compositeSchema(source: Source, builtin: Record<string, unknown>, refs: Record<string, string>, entry: EventEntry): Record<string, unknown> {
  const schema = structuredClone(builtin);
  delete schema.$id;
  delete schema["x-kata-exports"];
  const slot = (node: Record<string, unknown>, property: string, ref: string | undefined) => {
    if (ref === undefined) return;
    const properties = node.properties as Record<string, Record<string, unknown>>;
    const builtinProperty = properties[property];
    // The built-in `default` stays: the tolerant reader fills the same value as `decodeNameEvent` does.
    const keep = builtinProperty?.default === undefined ? {} : { default: builtinProperty.default };
    properties[property] = { description: builtinProperty?.description, ...keep, $ref: ref };
    const required = (node.required as string[] | undefined) ?? [];
    if (!required.includes(property)) node.required = [...required, property];
  };
  switch (source) {
    case "sqs": {
      const record = (schema.definitions as Record<string, Record<string, unknown>>).SQSRecord!;
      slot(record, "body", refs.payload);
      break;
    }
    case "eventbridge": {
      slot(schema, "detail", refs.payload);
      const properties = schema.properties as Record<string, Record<string, unknown>>;
      properties["detail-type"] = { description: properties["detail-type"]?.description, const: entry.detailType };
      if (entry.eventSource !== undefined) properties.source = { description: properties.source?.description, const: entry.eventSource };
      break;
    }
    case "apigw-v1":
    case "apigw-v2":
      slot(schema, "body", refs.payload);
      slot(schema, "queryStringParameters", refs.query);
      slot(schema, "pathParameters", refs.path);
      break;
  }
  return schema;
}
