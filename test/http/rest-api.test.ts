import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getLambdaContext, getLambdaEvent, http } from "../../http/index.js";
import { lambdaContext, PNG, REST_HOST, restEvent } from "./events.js";
import { paramsOf, requestFor, resultFor } from "./harness.js";

describe("http() with API Gateway REST API events", () => {
  it("builds the method and the URL from the Host header, with the stage the execute-api URL has", async () => {
    const request = await requestFor(restEvent({ method: "POST", path: "/orders/42", stage: "prod", body: "{}" }));
    assert.equal(request.method, "POST");
    assert.equal(request.url, "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/orders/42");
  });

  it("leaves the stage out on a custom domain, where the path already is what the client asked for", async () => {
    const request = await requestFor(restEvent({ path: "/v1/orders", stage: "prod", host: "api.example.com" }));
    assert.equal(request.url, "https://api.example.com/v1/orders");
  });

  it("removes the stage with stripStage, so that routes are written without it", async () => {
    const request = await requestFor(restEvent({ path: "/orders/42", stage: "prod" }), { stripStage: true });
    assert.equal(new URL(request.url).pathname, "/orders/42");
  });

  it("keeps a percent-encoded path as REST APIs send it, without encoding it twice", async () => {
    const request = await requestFor(restEvent({ path: "/files/a%20b/c%2Fd", stage: "prod" }));
    assert.equal(new URL(request.url).pathname, "/prod/files/a%20b/c%2Fd");
  });

  it("encodes the decoded query values again: repeated keys, spaces, plus signs, %2B and UTF-8 survive", async () => {
    // What API Gateway sends for ?tag=a&tag=b&q=hello%20world&sum=1%2B1&plus=a+b&city=Z%C3%BCrich&empty=
    const request = await requestFor(
      restEvent({ query: { tag: ["a", "b"], q: ["hello world"], sum: ["1+1"], plus: ["a+b"], city: ["Zürich"], empty: [""], "k&=": ["v&="] } }),
    );
    assert.deepEqual(paramsOf(request), [
      ["tag", "a"],
      ["tag", "b"],
      ["q", "hello world"],
      ["sum", "1+1"],
      ["plus", "a+b"],
      ["city", "Zürich"],
      ["empty", ""],
      ["k&=", "v&="],
    ]);
    assert.equal(new URL(request.url).search, "?tag=a&tag=b&q=hello%20world&sum=1%2B1&plus=a%2Bb&city=Z%C3%BCrich&empty=&k%26%3D=v%26%3D");
  });

  it("uses the single-value query map when the multi-value one is missing", async () => {
    const event = restEvent();
    event.queryStringParameters = { page: "2" };
    delete event.multiValueQueryStringParameters;
    assert.deepEqual(paramsOf(await requestFor(event)), [["page", "2"]]);
  });

  it("merges headers: every multi-value entry, names case-insensitive, single-value ones only when missing", async () => {
    const event = restEvent({ headers: { Accept: ["text/html", "application/json"], "X-Custom": ["1"] } });
    event.headers["X-Only-Single"] = "yes";
    const request = await requestFor(event);
    assert.equal(request.headers.get("accept"), "text/html, application/json");
    assert.equal(request.headers.get("x-custom"), "1");
    assert.equal(request.headers.get("X-ONLY-SINGLE"), "yes");
    assert.equal(request.headers.get("host"), REST_HOST);
  });

  it("passes the Cookie header and a non-ASCII header value as its UTF-8 bytes", async () => {
    const request = await requestFor(restEvent({ headers: { Cookie: ["session=abc; theme=dark"], "X-Name": ["José"] } }));
    assert.equal(request.headers.get("cookie"), "session=abc; theme=dark");
    assert.equal(Buffer.from(request.headers.get("x-name")!, "latin1").toString("utf8"), "José");
  });

  it("decodes a base64 body to the exact bytes", async () => {
    const request = await requestFor(restEvent({ method: "PUT", body: PNG.toString("base64"), isBase64Encoded: true, headers: { "Content-Type": ["image/png"] } }));
    assert.deepEqual(Buffer.from(await request.arrayBuffer()), PNG);
  });

  it("passes a text body unchanged, so that a generated decoder reads exactly what was sent", async () => {
    const body = '{"item":"café ☕","quantity":2}';
    const request = await requestFor(restEvent({ method: "POST", body, headers: { "Content-Type": ["application/json"] } }));
    assert.equal(await request.text(), body);
  });

  it("gives a GET with a null body no body", async () => {
    const request = await requestFor(restEvent({ method: "GET", body: null }));
    assert.equal(request.body, null);
  });

  it("answers with multiValueHeaders, one entry per Set-Cookie", async () => {
    const response = new Response('{"ok":true}', { status: 201, headers: { "content-type": "application/json", "x-request": "r1" } });
    response.headers.append("set-cookie", "a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    response.headers.append("set-cookie", "b=2; HttpOnly");
    assert.deepEqual(await resultFor(restEvent(), response), {
      statusCode: 201,
      multiValueHeaders: {
        "content-type": ["application/json"],
        "x-request": ["r1"],
        "set-cookie": ["a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2; HttpOnly"],
      },
      body: '{"ok":true}',
      isBase64Encoded: false,
    });
  });

  it("answers a binary body base64-encoded and an empty body as empty text", async () => {
    const png = await resultFor(restEvent(), new Response(PNG, { headers: { "content-type": "image/png" } }));
    assert.equal(png.isBase64Encoded, true);
    assert.deepEqual(Buffer.from(png.body, "base64"), PNG);
    const empty = await resultFor(restEvent(), new Response(null, { status: 204 }));
    assert.deepEqual(empty, { statusCode: 204, multiValueHeaders: {}, body: "", isBase64Encoded: false });
  });

  it("gives the app the event and the context, as a second argument and from the Request", async () => {
    const event = restEvent();
    const context = lambdaContext("req-rest-1");
    let seen: unknown[] = [];
    await http((request, env) => {
      seen = [env.event, env.context, getLambdaEvent(request), getLambdaContext(request)];
      return new Response("ok");
    })(event, context);
    assert.deepEqual(seen.map((x) => x === event || x === context), [true, true, true, true]);
  });

  it("completes a managed runtime's context for the app, with the trace id its invocation began with", async (t) => {
    const previous = process.env["_X_AMZN_TRACE_ID"];
    t.after(() => {
      if (previous === undefined) delete process.env["_X_AMZN_TRACE_ID"];
      else process.env["_X_AMZN_TRACE_ID"] = previous;
    });
    process.env["_X_AMZN_TRACE_ID"] = "Root=1-00000001-000000000000000000000001";
    const { deadlineMs: _deadline, signal: _signal, ...managed } = lambdaContext("req-managed");
    let seen: unknown[] = [];
    await http(async (request, env) => {
      // The next invocation's trace id, as the managed runtime sets it, before the app reads its context.
      process.env["_X_AMZN_TRACE_ID"] = "Root=1-00000002-000000000000000000000002";
      await Promise.resolve();
      seen = [env.context.awsRequestId, env.context.traceId, typeof env.context.deadlineMs, env.context.signal.aborted, getLambdaContext(request) === env.context];
      return new Response("ok");
    })(restEvent(), managed);
    assert.deepEqual(seen, ["req-managed", "Root=1-00000001-000000000000000000000001", "number", false, true]);
  });

  it("reads HTTP API payload 1.0 events, whose path already has the stage", async () => {
    const event = restEvent({ path: "/dev/orders", stage: "dev", host: "r3pmxmplak.execute-api.us-east-1.amazonaws.com" });
    event.version = "1.0";
    const request = await requestFor(event);
    assert.equal(new URL(request.url).pathname, "/dev/orders");
  });
});
