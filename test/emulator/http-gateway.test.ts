import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { apiGatewayTime, httpApiEvent } from "../../emulator/http-event.js";
import { httpResponseFromResult } from "../../emulator/http-result.js";
import type { InvokeResult } from "../../emulator/invocation.js";
import { readBody } from "../../emulator/read-body.js";
import { createAjv, loadSchema } from "../schemas/schema-suite.js";
import { httpCall } from "./http-client.js";

/** Plain HTTP requests become API Gateway HTTP API (2.0) events; results become HTTP responses. */
describe("HTTP request to HTTP API event", () => {
  let server: Server;
  let base: string;
  const validate = createAjv().compile(loadSchema("apigw-v2"));

  before(async () => {
    // A server that answers with the event it built, so that the test sends real requests.
    server = createServer(async (req, res) => {
      const { body } = await readBody(req, 1024 * 1024);
      res.end(JSON.stringify(httpApiEvent(req, body, new Date(Date.UTC(2024, 10, 24, 10, 15, 30)))));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("builds a payload format 2.0 event that matches kata's apigw-v2 schema", async () => {
    const reply = await httpCall(base, "POST", "/orders/ord-1?expand=items&expand=customer&dry=1", {
      headers: { "Content-Type": "application/json", Cookie: "session=abc; theme=dark", "X-Tag": "a", "User-Agent": "test-agent" },
      body: '{"quantity":2}',
    });
    const event = JSON.parse(reply.body);
    assert.equal(validate(event), true, JSON.stringify(validate.errors));
    assert.equal(event.version, "2.0");
    assert.equal(event.routeKey, "$default");
    assert.equal(event.rawPath, "/orders/ord-1");
    assert.equal(event.rawQueryString, "expand=items&expand=customer&dry=1");
    assert.deepEqual(event.queryStringParameters, { expand: "items,customer", dry: "1" });
    assert.deepEqual(event.cookies, ["session=abc", "theme=dark"]);
    assert.equal(event.headers.cookie, undefined, "cookies move out of the headers");
    assert.equal(event.headers["x-tag"], "a");
    assert.equal(event.body, '{"quantity":2}');
    assert.equal(event.isBase64Encoded, false);
    assert.deepEqual(event.requestContext.http, { method: "POST", path: "/orders/ord-1", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test-agent" });
    assert.equal(event.requestContext.time, "24/Nov/2024:10:15:30 +0000");
    assert.equal(event.requestContext.timeEpoch, Date.UTC(2024, 10, 24, 10, 15, 30));
    assert.equal(event.requestContext.stage, "$default");
  });

  it("base64-encodes a binary body and leaves out what the request does not have", async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const event = JSON.parse((await httpCall(base, "PUT", "/upload", { headers: { "Content-Type": "image/png" }, body: bytes })).body);
    assert.equal(validate(event), true, JSON.stringify(validate.errors));
    assert.equal(event.isBase64Encoded, true);
    assert.deepEqual(Buffer.from(event.body, "base64"), bytes);
    const bare = JSON.parse((await httpCall(base, "GET", "/")).body);
    assert.equal("body" in bare || "cookies" in bare || "queryStringParameters" in bare, false);
    assert.equal(bare.rawQueryString, "");
  });

  it("joins repeated headers with commas", async () => {
    const event = JSON.parse((await httpCall(base, "GET", "/", { headers: { "X-Multi": ["one", "two"] } })).body);
    assert.equal(event.headers["x-multi"], "one,two");
    assert.equal(apiGatewayTime(new Date(Date.UTC(2020, 2, 2, 3, 4, 5))), "02/Mar/2020:03:04:05 +0000");
  });
});

describe("function result to HTTP response", () => {
  const result = (payload: string | Buffer, extra: Partial<InvokeResult> = {}): InvokeResult => ({
    requestId: "r-1",
    payload: Buffer.from(payload),
    contentType: "application/json",
    durationMs: 1,
    ...extra,
  });

  it("uses statusCode, headers, cookies and body of a structured result", () => {
    const response = httpResponseFromResult(result(JSON.stringify({ statusCode: 201, headers: { "X-Order": "ord-1", "Retry-After": 3 }, cookies: ["a=1", "b=2"], body: "created" })));
    assert.deepEqual({ ...response, body: response.body.toString() }, { statusCode: 201, headers: { "x-order": "ord-1", "retry-after": "3" }, cookies: ["a=1", "b=2"], body: "created" });
  });

  it("decodes a base64 body", () => {
    const response = httpResponseFromResult(result(JSON.stringify({ statusCode: 200, body: Buffer.from([9, 8, 7]).toString("base64"), isBase64Encoded: true })));
    assert.deepEqual(response.body, Buffer.from([9, 8, 7]));
  });

  it("answers any other JSON as a 200 application/json body, as API Gateway infers", () => {
    const response = httpResponseFromResult(result('{"orders":[]}'));
    assert.deepEqual({ ...response, body: response.body.toString() }, { statusCode: 200, headers: { "content-type": "application/json" }, cookies: [], body: '{"orders":[]}' });
  });

  it("answers 500 Internal Server Error to a failed invocation or a result that is not JSON", () => {
    for (const failed of [result("{}", { error: { errorType: "Error", errorMessage: "x" } }), result("not json")]) {
      const response = httpResponseFromResult(failed);
      assert.equal(response.statusCode, 500);
      assert.equal(response.body.toString(), '{"message":"Internal Server Error"}');
    }
  });

  it("reads a streamed HTTP integration response: JSON prelude, 8 NUL bytes, body", () => {
    const payload = Buffer.concat([Buffer.from('{"statusCode":202,"headers":{"content-type":"text/plain"},"cookies":["s=1"]}'), Buffer.alloc(8), Buffer.from("streamed body")]);
    const response = httpResponseFromResult(result(payload, { contentType: "application/vnd.awslambda.http-integration-response", streamed: true }));
    assert.deepEqual({ ...response, body: response.body.toString() }, { statusCode: 202, headers: { "content-type": "text/plain" }, cookies: ["s=1"], body: "streamed body" });
  });
});
