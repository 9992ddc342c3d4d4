import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const result = "APIGatewayProxyResult";
const { validatorFor } = describeSchemaFixtures({
  source: "apigw-v1",
  results: { result, "result-multi-value": result, "invalid-status-code-string": result },
  required: ["base", "post-json-body", "nulls", "base64-body", "multi-value", "cognito-authorizer", "lambda-authorizer", "stage-path"],
});

const NULLABLE = [
  "headers",
  "multiValueHeaders",
  "queryStringParameters",
  "multiValueQueryStringParameters",
  "pathParameters",
  "stageVariables",
  "body",
] as const;

describe("API Gateway v1 schema details", () => {
  it("the nulls fixture has every nullable field null", () => {
    const event = loadEvent("apigw-v1", "nulls");
    for (const field of NULLABLE) assert.equal(event[field], null, field);
    assert.equal(event.requestContext.authorizer, null);
    assert.equal(event.requestContext.identity.clientCert, null);
  });

  for (const field of ["resource", "path", "httpMethod", "requestContext", "isBase64Encoded"]) {
    it(`rejects null ${field}, which API Gateway always fills`, () => {
      const validate = validatorFor("base");
      assert.equal(validate({ ...loadEvent("apigw-v1", "base"), [field]: null }), false);
      assert.equal(validate.errors?.map(issuePath)[0], `/${field}`);
    });
  }

  it("fills a missing nullable field with null, which is what API Gateway sends for it", () => {
    const event = loadEvent("apigw-v1", "nulls");
    delete event.pathParameters;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.pathParameters, null);
  });

  it("accepts authorizer outputs other than Cognito and Lambda (HTTP API payload 1.0)", () => {
    const event = loadEvent("apigw-v1", "base");
    event.requestContext.authorizer = { claims: null, scopes: null };
    assert.equal(validatorFor("base")(event), true);
  });

  it("rejects an authorizer that is neither an object nor null", () => {
    const validate = validatorFor("base");
    const event = loadEvent("apigw-v1", "base");
    event.requestContext.authorizer = "user-4711";
    assert.equal(validate(event), false);
    assert.ok(validate.errors?.every((e) => issuePath(e) === "/requestContext/authorizer"));
  });

  it("rejects result headers whose values are objects", () => {
    const validate = validatorFor("result");
    assert.equal(validate({ statusCode: 200, headers: { "x-meta": { a: 1 } } }), false);
    assert.equal(validate.errors?.map(issuePath)[0], "/headers/x-meta");
  });
});
