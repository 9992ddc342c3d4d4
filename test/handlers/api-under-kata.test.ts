import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { onCreateOrder, onCreateOrderV1, onReindex } from "../generated/index.js";
import { createOrderBody, httpApiRequest, restApiRequest } from "./support/events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

describe("API Gateway v2 handler under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      onCreateOrder(async (body, event) => ({
        statusCode: 201,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenant: event.pathParameters.tenantId, dryRun: event.queryStringParameters.dryRun, lines: body.lines.length }),
      })),
    );
  });
  after(() => loop.stop());

  it("posts fn's result for a valid request", async () => {
    const outcome = await loop.invoke(httpApiRequest());
    assert.equal(outcome.kind, "response");
    assert.equal(outcome.json.statusCode, 201);
    assert.deepEqual(JSON.parse(outcome.json.body), { tenant: "acme", dryRun: "true", lines: 1 });
  });

  it("decodes a base64 body", async () => {
    const outcome = await loop.invoke(httpApiRequest({ body: Buffer.from(JSON.stringify(createOrderBody)).toString("base64"), isBase64Encoded: true }));
    assert.equal(outcome.json.statusCode, 201);
  });

  it("posts a 400 problem+json response (not a Lambda error) for a missing, non-JSON or invalid body", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, "/body"],
      ["{", "/body"],
      [JSON.stringify({ customerId: "cus_1", lines: [{ sku: "", quantity: 1 }] }), "/body/lines/0/sku"],
    ];
    for (const [body, pointer] of cases) {
      const outcome = await loop.invoke(httpApiRequest({ body }));
      assert.equal(outcome.kind, "response");
      assert.equal(outcome.json.statusCode, 400);
      assert.deepEqual(outcome.json.headers, { "content-type": "application/problem+json" });
      const problem = JSON.parse(outcome.json.body);
      assert.equal(problem.status, 400);
      assert.deepEqual(problem.issues.map((issue: { pointer: string }) => issue.pointer), [pointer]);
    }
  });

  it("posts a 400 for query and path parameters that fail their schemas", async () => {
    const outcome = await loop.invoke(httpApiRequest({ queryStringParameters: { dryRun: "yes" }, pathParameters: { tenantId: "Acme Corp" } }));
    assert.equal(outcome.json.statusCode, 400);
    assert.deepEqual(JSON.parse(outcome.json.body).issues.map((issue: { pointer: string }) => issue.pointer), ["/queryStringParameters/dryRun", "/pathParameters/tenantId"]);
  });

  it("posts a DecodeError when the event is not an API Gateway v2 request", async () => {
    const outcome = await loop.invoke(restApiRequest());
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.json.errorType, "DecodeError");
    assert.match(outcome.json.errorMessage, /^APIGatewayProxyEventV2 at /);
  });
});

describe("API Gateway v1 handler under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(onCreateOrderV1(async (body) => ({ statusCode: 200, body: body.customerId })));
  });
  after(() => loop.stop());

  it("posts fn's result for a valid request and a 400 for an invalid body", async () => {
    assert.deepEqual((await loop.invoke(restApiRequest())).json, { statusCode: 200, body: "cus_4711" });
    const rejected = await loop.invoke(restApiRequest({ body: JSON.stringify({ lines: [] }) }));
    assert.equal(rejected.kind, "response");
    assert.equal(rejected.json.statusCode, 400);
    assert.deepEqual(JSON.parse(rejected.json.body).issues.map((issue: { pointer: string }) => issue.pointer).sort(), ["/body/customerId", "/body/lines"]);
  });
});

describe("plain payload handler under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(onReindex(async (payload) => ({ reindexed: payload.index })));
  });
  after(() => loop.stop());

  it("posts fn's result for a valid payload and a DecodeError for an invalid one", async () => {
    assert.deepEqual((await loop.invoke({ index: "customers" })).json, { reindexed: "customers" });
    const outcome = await loop.invoke({ index: 7 });
    assert.equal(outcome.kind, "error");
    assert.equal(outcome.json.errorType, "DecodeError");
    assert.match(outcome.json.errorMessage, /^Reindex at \/index: /);
  });
});
