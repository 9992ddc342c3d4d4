import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { assertDecodeError } from "../decode/fixture-suite.js";
import { runTsc, strictTsconfig, TempProject } from "./support/temp-project.js";

// Draft 2020-12: `unevaluatedProperties` sees what a `$ref`'d schema evaluated. Ajv tracks that per
// validator; kata keeps it in module-level constants (no top-level statements, so bundles tree-shake).

type Decode = (input: string) => unknown;

describe("a draft 2020-12 schema", () => {
  let project: TempProject;
  let validators: string;
  let modules: Record<string, Decode>;
  before(async () => {
    project = new TempProject();
    project.write("schemas/audit.json", {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $defs: { Base: { type: "object", required: ["actor"], properties: { actor: { type: "string" } } } },
      allOf: [{ $ref: "#/$defs/Base" }],
      properties: { action: { enum: ["created", "cancelled"] } },
      unevaluatedProperties: false,
    });
    project.write("schemas/plain.json", { type: "object", properties: { id: { type: "string" } } });
    await project.generate({ out: "generated", events: { Audit: { schema: "./schemas/audit.json" }, Plain: { schema: "./schemas/plain.json" } } });
    validators = project.read("generated/kata-validators.ts");
    project.write("tsconfig.json", strictTsconfig(["generated"]));
    const compiled = runTsc(project);
    assert.equal(compiled.code, 0, compiled.stdout);
    modules = (await import(pathToFileURL(project.path("dist/generated/index.js")).href)) as Record<string, Decode>;
  });
  after(() => project.remove());

  it("emits validators without module-level statements", () => {
    assert.doesNotMatch(validators, /\bvalidate\d+\.evaluated\b/);
    assert.match(validators, /^const validate\d+Evaluated = \{/m);
  });

  it("accepts properties evaluated through a $ref and rejects the others at their pointer", () => {
    assert.deepEqual(modules.decodeAudit!('{"actor":"ana","action":"created"}'), { actor: "ana", action: "created" });
    const error = assertDecodeError(() => modules.decodeAudit!('{"actor":"ana","action":"created","extra":1}'), "Audit", "/extra");
    assert.equal(error.issues[0]!.message, "is not allowed by the schema (unknown property)");
    assertDecodeError(() => modules.decodeAudit!('{"action":"created"}'), "Audit", "/actor");
  });
});
