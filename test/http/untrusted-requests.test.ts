import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getRawPath, http, type LambdaEnv } from "../../http/index.js";
import { isStreamingResult } from "../../runtime/streaming.js";
import { albEvent, FUNCTION_URL_HOST, functionUrlEvent, HTTP_API_HOST, httpApiEvent, lambdaContext, REST_HOST, restEvent } from "./events.js";
import { requestFor, withWarnings } from "./harness.js";

// Requests a client can shape however it likes: the Host header (an ALB passes on what the client
// sent), the path (API Gateway and ALBs route `//a//b` and `..` as they are), and the body.

type Json = Record<string, any>;

/** Each source's event with the given Host header (REST and v2 keep their own domainName). */
const SOURCES: Array<{ name: string; event: (host: string | undefined) => Json; domainName: string | undefined; path: string; query: string }> = [
  { name: "HTTP API", event: (host) => withHost(httpApiEvent({ rawPath: "/orders/42", rawQueryString: "a=1" }), host), domainName: HTTP_API_HOST, path: "/orders/42", query: "?a=1" },
  { name: "REST API", event: (host) => withHost(restEvent({ path: "/orders/42", query: { a: ["1"] } }), host), domainName: REST_HOST, path: "/prod/orders/42", query: "?a=1" },
  { name: "ALB", event: (host) => withHost(albEvent({ path: "/orders/42", query: { a: ["1"] } }), host), domainName: undefined, path: "/orders/42", query: "?a=1" },
];

/** Sets (or, for undefined, removes) the Host header in every header map the event has. */
function withHost(event: Json, host: string | undefined): Json {
  for (const map of ["headers", "multiValueHeaders"]) {
    const headers = event[map];
    if (!headers) continue;
    for (const name of Object.keys(headers)) if (name.toLowerCase() === "host") delete headers[name];
    if (host !== undefined) headers.host = map === "headers" ? host : [host];
  }
  return event;
}

const HOSTILE_HOSTS = ["evil.com/admin", "evil.com#x", "evil.com?x=", "", "a b", "host:99999", "user:pw@h", "evil.com\\admin", "[::1", "1.2.3.999"];

describe("http(): the Host header never changes what the app sees", () => {
  for (const source of SOURCES) {
    for (const host of HOSTILE_HOSTS) {
      it(`${source.name}, Host ${JSON.stringify(host)}: the routed path and query, and an origin from a checked host`, async () => {
        const request = await requestFor(source.event(host));
        const url = new URL(request.url);
        assert.equal(url.pathname, source.path);
        assert.equal(url.search, source.query);
        assert.equal(url.hash, "");
        assert.equal(url.username + url.password, "");
        // 1.2.3.999 passes the RFC 3986 syntax, but the URL parser refuses it: the same fallbacks.
        assert.equal(url.host, source.domainName ?? "localhost");
      });
    }

    it(`${source.name}: a missing Host uses the source's domain name, else localhost`, async () => {
      const url = new URL((await requestFor(source.event(undefined))).url);
      assert.equal(url.host, source.domainName ?? "localhost");
      assert.equal(url.pathname, source.path);
    });

    for (const host of [FUNCTION_URL_HOST, "shop.example.com:8443", "[2001:db8::1]:443", "127.0.0.1"]) {
      it(`${source.name}: a valid Host ${host} is the origin`, async () => {
        const url = new URL((await requestFor(source.event(host))).url);
        assert.equal(url.host, new URL(`https://${host}`).host);
        assert.equal(url.pathname, source.path);
      });
    }
  }

  it("a Function URL event with its own <url-id>.lambda-url host works", async () => {
    const request = await requestFor(httpApiEvent({ host: FUNCTION_URL_HOST, rawPath: "/webhooks" }));
    assert.equal(request.url, `https://${FUNCTION_URL_HOST}/webhooks`);
  });
});

describe("http(): the path exactly as routed", () => {
  const seen = async (event: Json): Promise<{ pathname: string; raw: string; env: string }> => {
    let result: { pathname: string; raw: string; env: string } | undefined;
    await http((request, env: LambdaEnv) => {
      result = { pathname: new URL(request.url).pathname, raw: getRawPath(request), env: env.rawPath };
      return new Response(null, { status: 204 });
    })(event, lambdaContext());
    return result!;
  };

  for (const [name, event] of [
    ["HTTP API", (path: string) => httpApiEvent({ rawPath: path })],
    ["REST API (custom domain)", (path: string) => restEvent({ path, host: "api.example.com" })],
    ["ALB", (path: string) => albEvent({ path })],
  ] as const) {
    it(`${name}: //a//b keeps its slashes in the URL and in getRawPath`, async () => {
      assert.deepEqual(await seen(event("//a//b")), { pathname: "//a//b", raw: "//a//b", env: "//a//b" });
    });

    for (const path of ["/a/../b", "/a/%2e%2e/b", "/a/%2E./b", "/a/./b", "/files/..%2fsecret"]) {
      it(`${name}: ${path} is in getRawPath and env.rawPath as routed, whatever the URL resolves`, async () => {
        const { raw, env } = await seen(event(path));
        assert.deepEqual([raw, env], [path, path]);
      });
    }
  }

  it("REST API on execute-api: the raw path has the stage, as the URL does", async () => {
    assert.deepEqual(await seen(restEvent({ path: "/a/../b" })), { pathname: "/prod/b", raw: "/prod/a/../b", env: "/prod/a/../b" });
  });
});

describe("http(): ALB without multi-value headers and several cookies", () => {
  const cookies = ["session=abc123; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure; HttpOnly", "theme=dark; Path=/", "consent=yes; Expires=Thu, 01 Jan 2027 00:00:00 GMT"];
  const app = () => {
    const response = new Response("ok", { headers: { "content-type": "text/plain" } });
    for (const cookie of cookies) response.headers.append("set-cookie", cookie);
    return response;
  };

  it("answers (no 502): the first cookie whole, none joined with commas, one WARN line naming the others and the setting", async () => {
    const { value: result, warnings } = await withWarnings(() => http(app)(albEvent(), lambdaContext()));
    assert.equal(result.statusCode, 200);
    assert.equal((result as Json).headers["set-cookie"], cookies[0]);
    assert.equal(JSON.stringify(result).includes("theme=dark"), false, "a cookie that cannot be sent is not smuggled into another header");
    assert.equal(warnings.length, 1);
    assert.equal(
      warnings[0],
      'kata/http: the response sets 3 cookies, but an ALB target group without multi-value headers passes one Set-Cookie header: sent "session", not sent "theme", "consent". ' +
        "Enable multi-value headers on the target group (lambda.multi_value_headers.enabled) to send them all.",
    );
    assert.equal(warnings[0]!.includes("abc123"), false, "cookie values stay out of the log");
  });

  it("with multi-value headers on: every cookie, each whole, and no warning", async () => {
    const { value: result, warnings } = await withWarnings(() => http(app)(albEvent({ multiValue: true }), lambdaContext()));
    assert.deepEqual((result as Json).multiValueHeaders["set-cookie"], cookies);
    assert.deepEqual(warnings, []);
  });

  it("one cookie: sent, no warning", async () => {
    const { value: result, warnings } = await withWarnings(() => http(() => new Response("ok", { headers: { "set-cookie": cookies[0]! } }))(albEvent(), lambdaContext()));
    assert.equal((result as Json).headers["set-cookie"], cookies[0]);
    assert.deepEqual(warnings, []);
  });
});

describe("http(): a base64 body that is not base64", () => {
  const events: Array<[string, (body: string) => Json]> = [
    ["HTTP API", (body) => httpApiEvent({ method: "POST", body, isBase64Encoded: true })],
    ["REST API", (body) => restEvent({ method: "POST", body, isBase64Encoded: true })],
    ["ALB", (body) => albEvent({ method: "POST", body, isBase64Encoded: true })],
  ];

  for (const [name, event] of events) {
    for (const body of ["not base64!", "QUJD\nREVG", "QUJDRA===", "Q", "QUJD=REVG"]) {
      it(`${name}: ${JSON.stringify(body)} is answered 400 problem+json, and the app is not called`, async () => {
        let called = false;
        const { value: result, warnings } = await withWarnings(() =>
          http(() => {
            called = true;
            return new Response("ok");
          })(event(body), lambdaContext()),
        );
        assert.equal(called, false);
        assert.equal(result.statusCode, 400);
        const contentType = (result as Json).headers?.["content-type"] ?? (result as Json).multiValueHeaders?.["content-type"]?.[0];
        assert.equal(contentType, "application/problem+json");
        const problem = JSON.parse(result.body);
        assert.deepEqual([problem.status, problem.issues[0].pointer], [400, "/body"]);
        assert.match(problem.detail, /not valid base64/);
        assert.deepEqual(warnings.map((line) => JSON.parse(line)), [
          {
            level: "WARN",
            message: "kata/http: answered 400 without calling the app: the request body is marked isBase64Encoded but is not valid base64.",
            reason: "invalid-request",
            awsRequestId: "8f5a3c1e-0000-4000-8000-000000000001",
          },
        ]);
      });
    }

    for (const [encoded, text] of [["aGk=", "hi"], ["aGk", "hi"], ["", ""], ["-_8", "\u00fb\u00ff"]] as const) {
      it(`${name}: ${JSON.stringify(encoded)} is valid base64 and reaches the app`, async () => {
        const request = await requestFor(event(encoded));
        assert.equal(Buffer.from(await request.arrayBuffer()).toString("latin1"), text);
      });
    }
  }
});

describe("http(app, { stream: true }): a base64 body that is not base64", () => {
  it("is answered 400 through the stream, as the app's answers are", async () => {
    const { value: result } = await withWarnings(() =>
      http(() => new Response("never"), { stream: true })(functionUrlEvent({ method: "POST", body: "not base64!", isBase64Encoded: true }), lambdaContext()),
    );
    assert.ok(isStreamingResult(result));
    const prelude = Buffer.from(result.prelude!);
    assert.equal(JSON.parse(prelude.subarray(0, prelude.indexOf(0)).toString("utf8")).statusCode, 400);
    let body = "";
    for await (const chunk of result.body) body += Buffer.from(chunk).toString("utf8");
    assert.match(JSON.parse(body).detail, /not valid base64/);
  });
});
