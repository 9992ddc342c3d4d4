import { describeSchemaFixtures } from "./schema-suite.js";

const result = "APIGatewayAuthorizerResult";
const simple = "APIGatewaySimpleAuthorizerResult";
describeSchemaFixtures({
  source: "apigw-authorizer",
  results: {
    token: "APIGatewayTokenAuthorizerEvent",
    "invalid-token-type": "APIGatewayTokenAuthorizerEvent",
    "request-v2": "APIGatewayRequestAuthorizerEventV2",
    "invalid-v2-identity-source-not-array": "APIGatewayRequestAuthorizerEventV2",
    result,
    "result-deny": result,
    "invalid-result-effect": result,
    "result-simple": simple,
    "invalid-result-simple-not-boolean": simple,
  },
  required: ["base", "console-test"],
});
