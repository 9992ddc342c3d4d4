import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { http } from "../../http/index.js";
import { ALB_HOST, albEvent, lambdaContext, PNG } from "./events.js";
import { paramsOf, requestFor, resultFor, withWarnings } from "./harness.js";

for (const multiValue of [false, true]) {
  describe(`http() with ALB events, multi-value headers ${multiValue ? "on" : "off"}`, () => {
    it("builds the method and URL, with the scheme from X-Forwarded-Proto", async () => {
      const request = await requestFor(albEvent({ multiValue, method: "POST", path: "/lambda/items", proto: "http", body: "x" }));
      assert.equal(request.method, "POST");
      assert.equal(request.url, `http://${ALB_HOST}/lambda/items`);
    });

    it("passes query parameters as the client encoded them, decoding %20, +, %2B and UTF-8 once", async () => {
      // ALB does not decode parameters: ?q=hello%20world&plus=a+b&sum=1%2B1&city=Z%C3%BCrich&eq=x%3Dy
      const request = await requestFor(albEvent({ multiValue, query: { q: ["hello%20world"], plus: ["a+b"], sum: ["1%2B1"], city: ["Z%C3%BCrich"], eq: ["x%3Dy"] } }));
      assert.deepEqual(paramsOf(request), [
        ["q", "hello world"],
        ["plus", "a b"],
        ["sum", "1+1"],
        ["city", "Zürich"],
        ["eq", "x=y"],
      ]);
    });

    it("passes a percent-encoded path unchanged", async () => {
      const request = await requestFor(albEvent({ multiValue, path: "/a%20b/%E2%9C%93" }));
      assert.equal(new URL(request.url).pathname, "/a%20b/%E2%9C%93");
    });

    it("reads the Cookie header and decodes a base64 body", async () => {
      const request = await requestFor(
        albEvent({ multiValue, method: "PUT", headers: { cookie: ["session=abc; theme=dark"], "content-type": ["image/png"] }, body: PNG.toString("base64"), isBase64Encoded: true }),
      );
      assert.equal(request.headers.get("cookie"), "session=abc; theme=dark");
      assert.deepEqual(Buffer.from(await request.arrayBuffer()), PNG);
    });

    it("answers with statusDescription and a text body as text", async () => {
      const result = await resultFor(albEvent({ multiValue }), new Response('{"missing":true}', { status: 404, headers: { "content-type": "application/problem+json" } }));
      assert.equal(result.statusCode, 404);
      assert.equal(result.statusDescription, "404 Not Found");
      assert.equal(result.body, '{"missing":true}');
      assert.equal(result.isBase64Encoded, false);
      if (multiValue) assert.deepEqual(result.multiValueHeaders, { "content-type": ["application/problem+json"] });
      else assert.deepEqual(result.headers, { "content-type": "application/problem+json" });
      assert.equal(multiValue ? "headers" in result : "multiValueHeaders" in result, false);
    });

    it("answers a binary body base64-encoded and an empty one as empty text", async () => {
      const png = await resultFor(albEvent({ multiValue }), new Response(PNG, { headers: { "content-type": "image/png" } }));
      assert.equal(png.isBase64Encoded, true);
      assert.deepEqual(Buffer.from(png.body, "base64"), PNG);
      const empty = await resultFor(albEvent({ multiValue }), new Response(null, { status: 204 }));
      assert.deepEqual([empty.statusDescription, empty.body, empty.isBase64Encoded], ["204 No Content", "", false]);
    });
  });
}

describe("http() with ALB multi-value headers", () => {
  it("keeps repeated query keys and repeated headers", async () => {
    const request = await requestFor(albEvent({ multiValue: true, query: { tag: ["a", "b"] }, headers: { accept: ["text/html", "application/json"] } }));
    assert.deepEqual(paramsOf(request), [
      ["tag", "a"],
      ["tag", "b"],
    ]);
    assert.equal(request.headers.get("accept"), "text/html, application/json");
  });

  it("joins repeated Cookie headers with '; ' and answers every Set-Cookie", async () => {
    let cookie: string | null = null;
    const response = new Response("ok", { statusText: "Fine" });
    response.headers.append("set-cookie", "a=1");
    response.headers.append("set-cookie", "b=2");
    const result: any = await http((request) => {
      cookie = request.headers.get("cookie");
      return response;
    })(albEvent({ multiValue: true, headers: { cookie: ["a=1", "b=2"] } }), lambdaContext());
    assert.equal(cookie, "a=1; b=2");
    assert.deepEqual(result.multiValueHeaders["set-cookie"], ["a=1", "b=2"]);
    assert.equal(result.statusDescription, "200 Fine");
  });
});

describe("http() with ALB single-value headers", () => {
  it("answers one Set-Cookie in headers", async () => {
    const result = await resultFor(albEvent(), new Response("ok", { headers: { "set-cookie": "a=1; Secure" } }));
    assert.equal(result.headers["set-cookie"], "a=1; Secure");
  });

  it("sends the first of several Set-Cookie headers, which is all this target group carries (see untrusted-requests.test.ts)", async () => {
    const response = new Response("ok");
    response.headers.append("set-cookie", "a=1");
    response.headers.append("set-cookie", "b=2");
    const result = await withWarnings(() => resultFor(albEvent(), response));
    assert.equal(result.value.headers["set-cookie"], "a=1");
    assert.equal(result.warnings.length, 1);
  });
});
