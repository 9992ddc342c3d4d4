import { describeSchemaFixtures } from "./schema-suite.js";

const result = "APIGatewaySimpleAuthorizerResult";
describeSchemaFixtures({
  source: "apigw-authorizer-v2",
  results: { result, "result-denied": result, "invalid-result-not-boolean": result },
  required: ["base", "header-token"],
});
