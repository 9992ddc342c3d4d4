import { describeSchemaFixtures } from "./schema-suite.js";

const result = "LexV2Result";
describeSchemaFixtures({
  source: "lex-v2",
  results: { result, "result-elicit-slot": result },
  required: ["base", "fulfillment-speech"],
});
