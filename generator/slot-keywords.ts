import { createRequire } from "node:module";
import type { CodeKeywordDefinition, KeywordCxt } from "ajv";
import { REQUIRED_SLOTS_KEYWORD, SLOT_KEYWORD } from "./slots.js";

const require = createRequire(import.meta.url);

/** The module-level table, set per call by `validate<Event>With`, that the slot code reads. */
export const SLOT_TABLE = "kataSlots";

/**
 * Ajv keywords for the built-in event schemas with open slots (`slots.ts`). A slot calls the
 * validator in the table, as a `$ref` would call a referenced schema, and adds its errors (with
 * nothing in the table, the built-in check runs inline, as it always did); the
 * required-slots keyword runs right after `required` and reports a missing filled slot the way
 * `required` does, so that errors come out as the composite schema's, in the same order.
 */
export function slotKeywords(): CodeKeywordDefinition[] {
  const { _, Name } = require("ajv") as typeof import("ajv");
  const { strConcat, nil } = require("ajv/dist/compile/codegen/index.js") as typeof import("ajv/dist/compile/codegen/index.js");
  const { callValidateCode } = require("ajv/dist/vocabularies/code.js") as typeof import("ajv/dist/vocabularies/code.js");
  const N = (require("ajv/dist/compile/names.js") as typeof import("ajv/dist/compile/names.js")).default;
  const table = new Name(SLOT_TABLE);
  const slot: CodeKeywordDefinition = {
    keyword: SLOT_KEYWORD,
    schemaType: "object",
    code(cxt: KeywordCxt) {
      const { gen } = cxt;
      const { name } = cxt.schema as { name: string };
      const validate = gen.const("slot", _`${table} === null ? undefined : ${table}[${name}]`);
      gen.if(
        _`${validate} === undefined`,
        () => {
          const valid = gen.name("valid");
          cxt.subschema({ keyword: SLOT_KEYWORD, schemaProp: "schema" }, valid);
          cxt.ok(valid);
        },
        () =>
          cxt.result(callValidateCode(cxt, validate, nil), undefined, () => {
            gen.assign(N.vErrors, _`${N.vErrors} === null ? ${validate}.errors : ${N.vErrors}.concat(${validate}.errors)`);
            gen.assign(N.errors, _`${N.vErrors}.length`);
          }),
      );
    },
  };
  const requiredSlots: CodeKeywordDefinition = {
    keyword: REQUIRED_SLOTS_KEYWORD,
    type: "object",
    schemaType: "array",
    // Object keywords run in this order: `required`, then the applicators (`propertyNames` first).
    before: "propertyNames",
    code(cxt: KeywordCxt) {
      const { gen } = cxt;
      for (const property of cxt.schema as string[]) {
        gen.if(_`${table} !== null && ${table}.required[${property}] !== undefined && ${cxt.data}[${property}] === undefined`, () => {
          const message = `must have required property '${property}'`;
          const error = gen.const("err", _`{instancePath: ${strConcat(N.instancePath, cxt.it.errorPath)}, keyword: "required", params: {missingProperty: ${property}}, message: ${message}}`);
          gen.if(_`${N.vErrors} === null`, () => gen.assign(N.vErrors, _`[${error}]`), () => gen.code(_`${N.vErrors}.push(${error})`));
          gen.code(_`${N.errors}++`);
        });
      }
    },
  };
  return [slot, requiredSlots];
}
