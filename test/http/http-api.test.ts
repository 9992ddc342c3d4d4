import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { http } from "../../http/index.js";
import { FUNCTION_URL_HOST, functionUrlEvent, httpApiEvent, lambdaContext, PNG } from "./events.js";
import { paramsOf, requestFor, resultFor } from "./harness.js";

describe("http() with HTTP API (payload 2.0) events", () => {
  it("takes the method from requestContext.http and the URL from the Host header and rawPath", async () => {
    const request = await requestFor(httpApiEvent({ method: "DELETE", rawPath: "/orders/42" }));
    assert.equal(request.method, "DELETE");
    assert.equal(request.url, "https://r3pmxmplak.execute-api.us-east-1.amazonaws.com/orders/42");
  });

  it("keeps a named stage where HTTP APIs put it, in rawPath, and strips it on request", async () => {
    const event = httpApiEvent({ rawPath: "/beta/orders", stage: "beta" });
    assert.equal(new URL((await requestFor(event)).url).pathname, "/beta/orders");
    assert.equal(new URL((await requestFor(event, { stripStage: true })).url).pathname, "/orders");
  });

  it("falls back to requestContext.domainName when there is no Host header", async () => {
    const event = httpApiEvent({ rawPath: "/x" });
    delete event.headers.host;
    assert.equal((await requestFor(event)).url, "https://r3pmxmplak.execute-api.us-east-1.amazonaws.com/x");
  });

  it("escapes a decoded path so that a ? or # in it stays in the path", async () => {
    // HTTP APIs decode rawPath: the client asked for /files/what%3F%23/a%20b%25.
    const request = await requestFor(httpApiEvent({ rawPath: "/files/what?#/a b%" }));
    const url = new URL(request.url);
    assert.equal(url.pathname, "/files/what%3F%23/a%20b%25");
    assert.equal(url.search, "");
    assert.equal(decodeURIComponent(url.pathname), "/files/what?#/a b%");
  });

  it("uses rawQueryString as sent: repeated keys, %20, +, %2B and UTF-8 decode once", async () => {
    const request = await requestFor(httpApiEvent({ rawQueryString: "tag=a&tag=b&q=hello%20world&plus=a+b&sum=1%2B1&city=Z%C3%BCrich" }));
    assert.deepEqual(paramsOf(request), [
      ["tag", "a"],
      ["tag", "b"],
      ["q", "hello world"],
      ["plus", "a b"],
      ["sum", "1+1"],
      ["city", "Zürich"],
    ]);
  });

  it("joins the cookies array into one Cookie header", async () => {
    const request = await requestFor(httpApiEvent({ cookies: ["session=abc", "theme=dark"] }));
    assert.equal(request.headers.get("cookie"), "session=abc; theme=dark");
  });

  it("reads comma-joined duplicate headers as one value, names case-insensitively", async () => {
    const request = await requestFor(httpApiEvent({ headers: { accept: "text/html,application/json", "x-trace": "t1" } }));
    assert.equal(request.headers.get("Accept"), "text/html,application/json");
    assert.equal(request.headers.get("X-TRACE"), "t1");
  });

  it("decodes a base64 body and keeps an empty POST body empty", async () => {
    const png = await requestFor(httpApiEvent({ method: "POST", body: PNG.toString("base64"), isBase64Encoded: true }));
    assert.deepEqual(Buffer.from(await png.arrayBuffer()), PNG);
    const empty = await requestFor(httpApiEvent({ method: "POST", body: "" }));
    assert.equal(await empty.text(), "");
  });

  it("answers with headers and a cookies list built from Set-Cookie", async () => {
    const response = new Response("<p>hi</p>", { status: 200, headers: { "content-type": "text/html; charset=utf-8", vary: "accept" } });
    response.headers.append("vary", "cookie");
    response.headers.append("set-cookie", "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    response.headers.append("set-cookie", "b=2");
    assert.deepEqual(await resultFor(httpApiEvent(), response), {
      statusCode: 200,
      headers: { "content-type": "text/html; charset=utf-8", vary: "accept, cookie" },
      cookies: ["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2"],
      body: "<p>hi</p>",
      isBase64Encoded: false,
    });
  });

  it("answers binary base64-encoded, and an empty body without cookies", async () => {
    const png = await resultFor(httpApiEvent(), new Response(PNG, { headers: { "content-type": "image/png" } }));
    assert.deepEqual({ ...png, body: Buffer.from(png.body, "base64") }, { statusCode: 200, headers: { "content-type": "image/png" }, body: PNG, isBase64Encoded: true });
    assert.deepEqual(await resultFor(httpApiEvent(), new Response(null, { status: 304 })), { statusCode: 304, headers: {}, body: "", isBase64Encoded: false });
  });
});

describe("http() with Function URL events", () => {
  it("builds the URL on the lambda-url domain with no stage in the path", async () => {
    const request = await requestFor(functionUrlEvent({ method: "PATCH", rawPath: "/items/7", rawQueryString: "fields=a%2Cb" }));
    assert.equal(request.method, "PATCH");
    assert.equal(request.url, `https://${FUNCTION_URL_HOST}/items/7?fields=a%2Cb`);
    assert.deepEqual(paramsOf(request), [["fields", "a,b"]]);
  });

  it("reads headers case-insensitively, keeps an empty POST body empty and answers an empty body as empty text", async () => {
    let seen: [string | null, string] = [null, "unread"];
    const result: any = await http(async (request) => {
      seen = [request.headers.get("X-Signature"), await request.text()];
      return new Response(null, { status: 202 });
    })(functionUrlEvent({ method: "POST", headers: { "x-signature": "t=1,v1=abc" }, body: "" }), lambdaContext());
    assert.deepEqual(seen, ["t=1,v1=abc", ""]);
    assert.deepEqual(result, { statusCode: 202, headers: {}, body: "", isBase64Encoded: false });
  });

  it("round-trips cookies: cookies in, Set-Cookie out as cookies", async () => {
    let cookie: string | null = null;
    const response = new Response("ok", { headers: { "set-cookie": "seen=1; Secure" } });
    const result: any = await http((request) => {
      cookie = request.headers.get("cookie");
      return response;
    })(functionUrlEvent({ cookies: ["a=1", "b=2"] }), lambdaContext());
    assert.equal(cookie, "a=1; b=2");
    assert.deepEqual(result.cookies, ["seen=1; Secure"]);
  });

  it("passes a base64 PNG upload through byte for byte and answers it base64", async () => {
    const echo = http(async (request) => new Response(await request.arrayBuffer(), { headers: { "content-type": "image/png" } }));
    const result = (await echo(functionUrlEvent({ method: "PUT", body: PNG.toString("base64"), isBase64Encoded: true }), lambdaContext())) as any;
    assert.equal(result.isBase64Encoded, true);
    assert.equal(result.body, PNG.toString("base64"));
  });
});
