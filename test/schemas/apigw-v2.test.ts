import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const result = "APIGatewayProxyStructuredResultV2";
const { validatorFor } = describeSchemaFixtures({
  source: "apigw-v2",
  results: { result, "invalid-result-cookies-not-array": result },
  required: [
    "base",
    "post-json-body",
    "minimal",
    "base64-body",
    "cookies",
    "jwt-authorizer",
    "iam-authorizer",
    "lambda-authorizer",
    "function-url",
    "function-url-iam",
    "unknown-fields",
  ],
});

describe("API Gateway v2 and function URL schema details", () => {
  for (const name of ["function-url", "function-url-iam"]) {
    it(`${name} looks like a function URL request ($default route on a lambda-url domain)`, () => {
      const event = loadEvent("apigw-v2", name);
      assert.equal(event.routeKey, "$default");
      assert.equal(event.requestContext.routeKey, "$default");
      assert.match(event.requestContext.domainName, /^[a-z0-9]+\.lambda-url\.[a-z0-9-]+\.on\.aws$/);
    });
  }

  it("the minimal fixture leaves out every optional field", () => {
    const event = loadEvent("apigw-v2", "minimal");
    for (const field of ["cookies", "queryStringParameters", "pathParameters", "stageVariables", "body"]) {
      assert.equal(field in event, false, field);
    }
  });

  it("rejects an authorizer that is none of JWT, IAM or Lambda", () => {
    const validate = validatorFor("base");
    const event = loadEvent("apigw-v2", "base");
    event.requestContext.authorizer = { custom: true };
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), [
      "/requestContext/authorizer/jwt",
      "/requestContext/authorizer/iam",
      "/requestContext/authorizer/lambda",
      "/requestContext/authorizer",
    ]);
  });

  it("accepts a Lambda authorizer that returned no context (lambda: null)", () => {
    const event = loadEvent("apigw-v2", "lambda-authorizer");
    event.requestContext.authorizer.lambda = null;
    assert.equal(validatorFor("base")(event), true);
  });

  it("removes a null body (SAM local sends one): HTTP APIs leave the field out instead", () => {
    const event = { ...loadEvent("apigw-v2", "minimal"), body: null };
    assert.equal(validatorFor("base")(event), true);
    assert.equal("body" in event, false);
  });

  it("still rejects a body that is neither a string nor null", () => {
    const validate = validatorFor("base");
    assert.equal(validate({ ...loadEvent("apigw-v2", "minimal"), body: 42 }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/body"]);
  });

  it("accepts an empty structured result, since every field is optional", () => {
    assert.equal(validatorFor("result")({}), true);
  });
});
