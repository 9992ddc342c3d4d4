import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { albEvent, httpApiEvent } from "../http/events.js";
import { freePort, makeProject, RunningCli } from "./run-cli.js";

// `kata serve --http` in front of a kata/http app, run as a user runs it: requests a client can
// shape however it likes (Host, path, body) reach the app as the gateway would route them.

const APP = `import { getLambdaEvent, getRawPath, http } from "kata/http";
export const handler = http(async (request: Request) => {
  const url = new URL(request.url);
  if (url.pathname === "/cookies") {
    const response = new Response("ok");
    response.headers.append("set-cookie", "session=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    response.headers.append("set-cookie", "theme=dark");
    return response;
  }
  const event: any = getLambdaEvent(request);
  return Response.json({ rawPath: getRawPath(request), eventRawPath: event.rawPath ?? event.path, pathname: url.pathname,
    search: url.search, host: url.host, body: await request.text() });
});
`;
const project = makeProject({ "src/app.ts": APP }, { kata: true });
const INVOKE = "/2015-03-31/functions/function/invocations";
let serve: RunningCli;
let port: number;

before(async () => {
  port = await freePort();
  serve = new RunningCli(["serve", "src/app.handler", "--http", "--port", String(port)], project.dir);
  await serve.waitForStderr(/is listening on http:\/\/127\.0\.0\.1:\d+/, 15_000);
});
after(async () => {
  await serve.stop();
  project.remove();
});

/** One request with the target and headers exactly as given (no URL parsing on the way). */
function send(method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: target, headers, agent: false, setHost: !("host" in headers) }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const seen = async (target: string, headers?: Record<string, string>) => {
  const reply = await send("GET", target, headers);
  assert.equal(reply.status, 200, reply.body);
  return JSON.parse(reply.body) as Record<string, string>;
};

describe("kata serve --http with a kata/http app", { concurrency: true }, () => {
  it("forwards GET //double//slash as rawPath //double//slash, and the app sees it so", async () => {
    const app = await seen("//double//slash?x=1");
    assert.deepEqual([app.eventRawPath, app.rawPath, app.pathname, app.search], ["//double//slash", "//double//slash", "//double//slash", "?x=1"]);
  });

  for (const path of ["/a/../b", "/a/%2e%2e/b", "/a/./b"]) {
    it(`forwards ${path} unresolved, in rawPath and getRawPath`, async () => {
      const app = await seen(path);
      assert.deepEqual([app.eventRawPath, app.rawPath], [path, path]);
    });
  }

  for (const host of ["", "evil.com/admin", "evil.com#x", "evil.com?x=", "a b", "host:99999", "user:pw@h"]) {
    it(`Host ${JSON.stringify(host)}: the path and query stay as sent, the origin falls back`, async () => {
      const app = await seen("/orders?status=open", { host });
      assert.deepEqual([app.pathname, app.search, app.host], ["/orders", "?status=open", "localhost"]);
    });
  }

  it("a Function URL Host is the origin", async () => {
    const app = await seen("/orders", { host: "abcdefg7hijklmnop.lambda-url.us-east-1.on.aws" });
    assert.deepEqual([app.pathname, app.host], ["/orders", "abcdefg7hijklmnop.lambda-url.us-east-1.on.aws"]);
  });

  it("an ALB event with two cookies and no multi-value headers: answered with one, and one WARN line in the function's log", async () => {
    const reply = await send("POST", INVOKE, {}, JSON.stringify(albEvent({ path: "/cookies" })));
    const result = JSON.parse(reply.body);
    assert.equal(result.statusCode, 200);
    assert.equal(result.headers["set-cookie"], "session=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    const line = await serve.waitForStderr(/^.*kata\/http: the response sets 2 cookies.*$/m);
    assert.match(line[0], /\tWARN\t/);
    assert.match(line[0], /not sent "theme"\. Enable multi-value headers on the target group \(lambda\.multi_value_headers\.enabled\)/);
  });

  it("a v2 event whose base64 body is not base64: a 400 result, not an empty body", async () => {
    const event = httpApiEvent({ method: "POST", rawPath: "/upload", body: "not base64!", isBase64Encoded: true });
    const result = JSON.parse((await send("POST", INVOKE, {}, JSON.stringify(event))).body);
    assert.equal(result.statusCode, 400);
    assert.equal(result.headers["content-type"], "application/problem+json");
    assert.match(JSON.parse(result.body).detail, /not valid base64/);
  });

  it("a binary body sent over HTTP reaches the app intact (serve encodes it as base64)", async () => {
    const reply = await send("POST", "/upload", { "content-type": "application/octet-stream" }, "bytes\u0001");
    assert.equal(JSON.parse(reply.body).body, "bytes\u0001");
  });
});
