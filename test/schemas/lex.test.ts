import { describeSchemaFixtures } from "./schema-suite.js";

const result = "LexResult";
describeSchemaFixtures({
  source: "lex",
  results: { result, "result-elicit-slot": result },
  required: ["base", "fulfillment"],
});
