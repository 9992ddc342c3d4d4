import { describeSchemaFixtures } from "./schema-suite.js";

const result = "APIGatewayAuthorizerResult";
describeSchemaFixtures({
  source: "apigw-authorizer",
  results: {
    token: "APIGatewayTokenAuthorizerEvent",
    "invalid-token-type": "APIGatewayTokenAuthorizerEvent",
    result,
    "result-deny": result,
    "invalid-result-effect": result,
  },
  required: ["base", "console-test", "docs-request"],
});
