import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const result = "ALBResult";
const { validatorFor } = describeSchemaFixtures({
  source: "alb",
  results: { result, "result-multi-value": result, "invalid-result-status-code-missing": result },
  required: ["base", "multi-value", "base64-body"],
});

describe("ALB schema details", () => {
  it("multi-value carries only the multi-value maps, as a target group with that setting sends", () => {
    const event = loadEvent("alb", "multi-value");
    assert.equal("headers" in event, false);
    assert.equal("queryStringParameters" in event, false);
    assert.deepEqual(event.multiValueHeaders.cookie, ["session=abc", "theme=dark"]);
  });

  it("rejects a statusCode that is not an integer", () => {
    const validate = validatorFor("result");
    assert.equal(validate({ statusCode: 200.5 }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/statusCode"]);
  });

  it("rejects single-value query parameters given as arrays", () => {
    const validate = validatorFor("base");
    assert.equal(validate({ ...loadEvent("alb", "base"), queryStringParameters: { tag: ["a", "b"] } }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/queryStringParameters/tag"]);
  });
});
