import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "ses",
  results: {},
  required: ["base", "dmarc-fail-synchronous"],
});
