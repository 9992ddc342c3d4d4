import type { EventEntry, Source } from "./config.js";

/**
 * Where a config entry's schemas go in its source's event schema (`composite.ts` puts them there).
 * `role` slots take the entry's payload, query or path schema and become required; `const` slots
 * take a constant from the entry (`detailType`, `eventSource`).
 */
export interface SlotPosition {
  property: string;
  /** The object schema holding the property: the root, or a definition. */
  definition?: string;
  role?: "payload" | "query" | "path";
  constFrom?: "detailType" | "eventSource";
}

export const SLOT_POSITIONS: Partial<Record<Source, SlotPosition[]>> = {
  sqs: [{ property: "body", definition: "SQSRecord", role: "payload" }],
  eventbridge: [
    { property: "detail", role: "payload" },
    { property: "detail-type", constFrom: "detailType" },
    { property: "source", constFrom: "eventSource" },
  ],
  "apigw-v1": [
    { property: "body", role: "payload" },
    { property: "queryStringParameters", role: "query" },
    { property: "pathParameters", role: "path" },
  ],
  "apigw-v2": [
    { property: "body", role: "payload" },
    { property: "queryStringParameters", role: "query" },
    { property: "pathParameters", role: "path" },
  ],
};

/** The keyword that hands a property to the validator the caller put in its slot table. */
export const SLOT_KEYWORD = "x-kata-slot";
/** On the object holding role slots: which of them are required when the caller fills them. */
export const REQUIRED_SLOTS_KEYWORD = "x-kata-required-slots";

type SchemaNode = Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required?: string[] };

export function slotHolder(schema: Record<string, unknown>, position: SlotPosition): SchemaNode {
  return (position.definition === undefined ? schema : (schema.definitions as Record<string, unknown>)[position.definition]) as SchemaNode;
}

/** Does the entry fill this slot (else the built-in property schema stays)? */
export function fills(position: SlotPosition, refs: Record<string, string>, entry: EventEntry): boolean {
  if (position.role !== undefined) return refs[position.role] !== undefined;
  return entry[position.constFrom!] !== undefined;
}

/**
 * The built-in event schema with its slots open: each slot property hands its value to a
 * validator chosen per call (`validate<Event>With`), else checks it as the built-in schema does;
 * a role slot the caller fills is required, right after the built-in required properties, as in
 * the composite schema. It is what `kata/events/<source>` compiles, so that `isNameEvent` /
 * `assertNameEvent` reuse the envelope's code.
 */
export function slottedSchema(source: Source, builtin: Record<string, unknown>): Record<string, unknown> {
  const schema = structuredClone(builtin);
  for (const position of SLOT_POSITIONS[source] ?? []) {
    const holder = slotHolder(schema, position);
    const original = holder.properties[position.property]!;
    // The built-in `default` stays: the holder's code fills it before the slot's validator runs.
    const { default: fallback, ...check } = original;
    const keep = fallback === undefined || position.constFrom !== undefined ? {} : { default: fallback };
    // Without a validator in the slot, the built-in check runs in place, as before there were slots.
    holder.properties[position.property] = { description: original.description, ...keep, [SLOT_KEYWORD]: { name: position.property, schema: check } };
    if (position.role !== undefined && !(holder.required ?? []).includes(position.property)) {
      holder[REQUIRED_SLOTS_KEYWORD] = [...((holder[REQUIRED_SLOTS_KEYWORD] as string[] | undefined) ?? []), position.property];
    }
  }
  return schema;
}
