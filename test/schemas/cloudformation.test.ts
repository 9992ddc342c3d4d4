import { describeSchemaFixtures } from "./schema-suite.js";

const response = "CloudFormationCustomResourceResponse";
describeSchemaFixtures({
  source: "cloudformation",
  results: { result: response, "result-failed": response, "invalid-result-failed-reason": response },
  required: ["base", "update", "delete", "docs-create-request"],
});
