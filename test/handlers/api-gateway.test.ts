import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { onAPIGatewayProxy, onAPIGatewayProxyV2, type ValidationProblem } from "../../handlers/index.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { asDelivered, managedContext } from "./support/context.js";
import { onCreateOrder, onCreateOrderV1 } from "../generated/index.js";
import { createOrderBody, httpApiRequest, restApiRequest } from "./support/events.js";

/** Asserts a 400 application/problem+json answer and returns its document. */
function problemOf(result: unknown): ValidationProblem {
  const response = result as { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean };
  assert.equal(response.statusCode, 400);
  assert.deepEqual(response.headers, { "content-type": "application/problem+json" });
  assert.equal(response.isBase64Encoded, false);
  const problem = JSON.parse(response.body) as ValidationProblem;
  assert.equal(problem.type, "about:blank");
  assert.equal(problem.title, "Bad Request");
  assert.equal(problem.status, 400);
  return problem;
}

const created = { statusCode: 201, headers: { "content-type": "application/json" }, body: '{"created":true}' };

describe("API Gateway v2 handler (called as the managed runtime does)", () => {
  const calls: unknown[][] = [];
  const handler = onCreateOrder(async (body, event, context) => {
    calls.push([body, event.body, event.queryStringParameters, event.pathParameters, context.awsRequestId]);
    return created;
  });
  const notCalled = onCreateOrder(() => assert.fail("the handler must not be called"));

  it("passes the decoded body, query and path parameters, and returns fn's result", async () => {
    calls.length = 0;
    assert.deepEqual(await handler(asDelivered(httpApiRequest()), managedContext("req-api")), created);
    assert.deepEqual(calls, [[createOrderBody, createOrderBody, { dryRun: "true" }, { tenantId: "acme" }, "req-api"]]);
  });

  it("decodes a base64 body first when isBase64Encoded is set", async () => {
    calls.length = 0;
    const body = Buffer.from(JSON.stringify(createOrderBody)).toString("base64");
    assert.deepEqual(await handler(asDelivered(httpApiRequest({ body, isBase64Encoded: true })), managedContext()), created);
    assert.deepEqual(calls[0]?.[0], createOrderBody);
  });

  it("gives absent query parameters as {} once they are validated", async () => {
    calls.length = 0;
    const request = httpApiRequest();
    delete request.queryStringParameters;
    await handler(asDelivered(request), managedContext());
    assert.deepEqual(calls[0]?.[2], {});
  });

  it("answers a missing body with 400 problem+json", async () => {
    const problem = problemOf(await notCalled(asDelivered(httpApiRequest({ body: undefined })), managedContext()));
    assert.deepEqual(problem.issues, [{ pointer: "/body", message: "is required but missing: send a JSON body that matches CreateOrder" }]);
    assert.equal(problem.detail, "The request does not match CreateOrder: /body is required but missing: send a JSON body that matches CreateOrder.");
  });

  it("answers a body that is not JSON with 400 and the parser's position", async () => {
    const problem = problemOf(await notCalled(asDelivered(httpApiRequest({ body: '{"customerId": ' })), managedContext()));
    assert.equal(problem.issues.length, 1);
    assert.equal(problem.issues[0]?.pointer, "/body");
    assert.match(problem.issues[0]?.message ?? "", /^is not JSON: .*line 1, column/);
  });

  it("answers a body, query and path that fail their schemas with 400 listing every issue", async () => {
    const request = httpApiRequest({
      body: JSON.stringify({ customerId: "", lines: [], coupon: "FREE" }),
      queryStringParameters: { dryRun: "maybe" },
      pathParameters: { tenantId: "ACME!" },
    });
    const problem = problemOf(await notCalled(asDelivered(request), managedContext()));
    assert.deepEqual(problem.issues.map((issue) => issue.pointer).sort(), [
      "/body/coupon",
      "/body/customerId",
      "/body/lines",
      "/pathParameters/tenantId",
      "/queryStringParameters/dryRun",
    ]);
    assert.match(problem.detail, /^The request does not match CreateOrder: \/body\/\S+ .* \(and 4 more issues; see issues\)\.$/);
  });

  it("answers absent path parameters that the path schema requires with 400", async () => {
    const request = httpApiRequest();
    delete request.pathParameters;
    const problem = problemOf(await notCalled(asDelivered(request), managedContext()));
    assert.deepEqual(problem.issues, [{ pointer: "/pathParameters/tenantId", message: "is required but missing" }]);
  });

  it("fails the invocation with a DecodeError when the event is not an API Gateway v2 request", async () => {
    await assert.rejects(notCalled({ body: JSON.stringify(createOrderBody) }, managedContext()), (error: unknown) => error instanceof DecodeError && error.typeName === "APIGatewayProxyEventV2");
  });
});

describe("API Gateway v1 handler (called as the managed runtime does)", () => {
  it("passes the decoded body and returns fn's result", async () => {
    const handler = onCreateOrderV1(async (body, event) => ({ statusCode: 201, body: `${body.customerId} ${event.httpMethod} ${event.body.lines.length}` }));
    assert.deepEqual(await handler(asDelivered(restApiRequest()), managedContext()), { statusCode: 201, body: "cus_4711 POST 1" });
  });

  it("answers a result without a body with an empty body, as API Gateway does (and @types/aws-lambda requires)", async () => {
    const handler = onCreateOrderV1(async () => ({ statusCode: 204, headers: { "x-order": "1" } }));
    assert.deepEqual(await handler(asDelivered(restApiRequest()), managedContext()), { statusCode: 204, headers: { "x-order": "1" }, body: "" });
    const builtin = onAPIGatewayProxy(async () => ({ statusCode: 204 }));
    assert.deepEqual(await builtin(asDelivered(restApiRequest({ body: "x" })), managedContext()), { statusCode: 204, body: "" });
  });

  it("answers a null body and a body failing the schema with 400 problem+json", async () => {
    const handler = onCreateOrderV1(() => assert.fail("the handler must not be called"));
    assert.deepEqual(problemOf(await handler(asDelivered(restApiRequest({ body: null })), managedContext())).issues, [
      { pointer: "/body", message: "is required but missing: send a JSON body that matches CreateOrderV1" },
    ]);
    const wrong = JSON.stringify({ customerId: "cus_1", lines: [{ sku: "sku-1", quantity: 0 }] });
    assert.deepEqual(problemOf(await handler(asDelivered(restApiRequest({ body: wrong })), managedContext())).issues, [
      { pointer: "/body/lines/0/quantity", message: "must be >= 1" },
    ]);
  });
});

describe("built-in API Gateway wrappers", () => {
  it("onAPIGatewayProxyV2 passes the validated event with its body as sent", async () => {
    const handler = onAPIGatewayProxyV2(async (event) => ({ statusCode: 200, body: event.body ?? "" }));
    assert.deepEqual(await handler(asDelivered(httpApiRequest({ body: "plain text" })), managedContext()), { statusCode: 200, body: "plain text" });
    await assert.rejects(handler({ version: "2.0" }, managedContext()), DecodeError);
  });

  it("onAPIGatewayProxy passes the validated event with its body as sent", async () => {
    const handler = onAPIGatewayProxy(async (event) => ({ statusCode: 200, body: `${event.httpMethod} ${event.body}` }));
    assert.deepEqual(await handler(asDelivered(restApiRequest({ body: "x" })), managedContext()), { statusCode: 200, body: "POST x" });
    await assert.rejects(handler({ httpMethod: "GET" }, managedContext()), DecodeError);
  });
});
