import type { Source } from "./config.js";
import { SLOT_TABLE } from "./slot-keywords.js";
import { SLOT_POSITIONS, slottedSchema } from "./slots.js";

/** What `kata/events/<source>` compiles for a source that config entries can have. */
export interface SlottedEnvelope {
  schema: Record<string, unknown>;
  /** `validate<Event>With(slots)`, the export of `kata/events/<source>` that generated user code calls. */
  withName: string;
  /** The validators module's function behind it (typed in the source's module, so that its declarations never name the validators'). */
  slottedName: string;
  code: string;
}

/**
 * The built-in envelope with open slots (`slots.ts`), compiled in place of the built-in schema:
 * `validate<Event>` runs it with empty slots, and generated user code calls
 * `validate<Event>With({ body: validateOrder })` once per entry, so that the envelope's validator
 * is shared instead of copied into every project.
 */
export function slottedEnvelope(source: string, schema: { title: string } & Record<string, unknown>): SlottedEnvelope | undefined {
  const positions = SLOT_POSITIONS[source as Source];
  if (!positions) return undefined;
  const validator = `validate${schema.title}`;
  const withName = `${validator}With`;
  const slottedName = `${validator}Slotted`;
  const code = `
/** The validators in the slots of the call running now; null: the built-in checks. */
let ${SLOT_TABLE} = null;

/**
 * The validator of \`is<Name>Event\` / \`assert<Name>Event\` for a config entry of this source: this
 * envelope's checks, with the entry's validators in the slots (${positions.map((p) => p.property).join(", ")}).
 */
export function ${slottedName}(slots) {
  const table = { ...slots, required: slots };
  const validate = (data) => {
    const outer = ${SLOT_TABLE};
    ${SLOT_TABLE} = table;
    try {
      const valid = ${validator}(data);
      validate.errors = ${validator}.errors;
      return valid;
    } finally {
      ${SLOT_TABLE} = outer;
    }
  };
  return validate;
}
`;
  return { schema: slottedSchema(source as Source, schema), withName, slottedName, code };
}
