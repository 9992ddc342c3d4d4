import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "codepipeline",
  results: {},
  required: ["base", "continuation-encrypted"],
});
