import { describeSchemaFixtures } from "./schema-suite.js";

const batch = "AppSyncBatchResolverEvent";
describeSchemaFixtures({
  source: "appsync",
  results: { batch, "invalid-batch-missing-info": batch },
  required: ["base", "nested-field-iam"],
});
