import { describeSchemaFixtures } from "./schema-suite.js";

const result = "CloudFrontRequestResult";
describeSchemaFixtures({
  source: "cloudfront",
  results: { result, "result-forward-request": result, "origin-response": "CloudFrontResponseEvent", "invalid-response-missing-status": "CloudFrontResponseEvent" },
  required: ["base", "origin-request-custom", "origin-request-s3-body"],
});
