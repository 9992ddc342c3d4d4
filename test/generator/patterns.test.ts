import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { backtracksExponentially } from "../../generator/pattern-safety.js";
import { rejection, TempProject } from "./support/temp-project.js";

// A schema `pattern` runs on V8's backtracking RegExp in the generated decoder: one that can
// backtrack exponentially is refused at generate time, with the file and the JSON pointer.

describe("patterns that can backtrack exponentially", () => {
  let project: TempProject;
  before(() => {
    project = new TempProject();
  });
  after(() => project.remove());

  async function generateWith(schema: unknown) {
    project.write("schemas/code.json", schema);
    return project.generate({ out: "out", events: { Code: { source: "sqs", body: "./schemas/code.json" } } });
  }

  it("refuses ^(a+)+$ naming the file and the pattern's JSON pointer, and writes nothing", async () => {
    const error = await rejection(() => generateWith({ type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } }), "SchemaError");
    assert.equal(error.file, "schemas/code.json");
    assert.equal(error.pointer, "/properties/code/pattern");
    assert.match(error.message, /^schemas\/code\.json#\/properties\/code\/pattern: pattern "\^\(a\+\)\+\$" can backtrack exponentially: .* holds the function until its timeout\. Rewrite it/);
    assert.equal(existsSync(project.path("out")), false);
  });

  it("refuses a patternProperties name the same way", async () => {
    const error = await rejection(() => generateWith({ type: "object", patternProperties: { "^(x|x)*$": { type: "string" } } }), "SchemaError");
    assert.equal(error.pointer, "/patternProperties/^(x|x)*$");
  });

  it("generates decoders for patterns that match each character one way", async () => {
    const result = await generateWith({ type: "object", properties: { version: { type: "string", pattern: "^\\d+(\\.\\d+)*$" }, host: { type: "string", pattern: "^([a-z0-9]+\\.)+[a-z]{2,}$" } } });
    assert.ok(result.files > 0);
  });
});

describe("backtracksExponentially", () => {
  const exponential = ["^(a+)+$", "(a*)*b", "^(a|a)*$", "(x+x+)+y", "^(a+b?)+$", "^(\\w+\\s?)*$", "^(a{1,5})+$", "^(\\d+|\\d{2})+$", "^((ab)*|a)*$", "^([a-z0-9]+[a-z0-9])+$", "(.*a){12}"];
  const linear = ["^[A-Z]{3}-\\d{4}$", "^(\\d+\\.)*\\d+$", "^\\d+(\\.\\d+)*$", "^([a-z0-9]+\\.)+[a-z]{2,}$", "^(a|b)*$", "^(a|ab)*c$", "^(foo|bar)+$", "^[a-z]+(-[a-z]+)*$", "^(?=a)\\w+$", "^\\p{L}+$", "^(?<year>\\d{4})-(?<month>\\d{2})$", "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$", "^ord-[a-z0-9]+$"];
  // Polynomial patterns (slow only on long input, like a*a*b) are not what this check refuses.
  const polynomial = ["^\\s*a*\\s*$", "a*a*b"];

  for (const pattern of exponential) it(`finds ${pattern}`, () => assert.equal(backtracksExponentially(pattern), true));
  for (const pattern of [...linear, ...polynomial]) it(`passes ${pattern}`, () => assert.equal(backtracksExponentially(pattern), false));

  it("says when a pattern is too large to check rather than guessing, and passes a large one without repetition at once", () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36).padStart(4, "a")}xyz`).join("|");
    assert.equal(backtracksExponentially(`^(${words})+$`), "too complex to check");
    assert.equal(backtracksExponentially(`^(${words})$`), false);
  });

});
