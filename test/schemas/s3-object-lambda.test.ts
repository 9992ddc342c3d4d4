import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "s3-object-lambda",
  results: {},
  required: ["base", "head-object", "list-objects-v2"],
});

describe("S3 Object Lambda fixtures and schema details", () => {
  it("each fixture carries the context of exactly one operation", () => {
    const contexts = (name: string) => Object.keys(loadEvent("s3-object-lambda", name)).filter((k) => k.endsWith("Context"));
    assert.deepEqual(["base", "head-object", "list-objects-v2"].map(contexts), [["getObjectContext"], ["headObjectContext"], ["listObjectsV2Context"]]);
  });

  it("fills protocolVersion when a hand-written event leaves it out", () => {
    const event = loadEvent("s3-object-lambda", "base");
    delete event.protocolVersion;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.protocolVersion, "1.00");
  });
});
