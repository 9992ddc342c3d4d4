import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "secrets-manager",
  results: {},
  required: ["base", "finish-secret-rotation-token"],
});
