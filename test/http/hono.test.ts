import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { getLambdaEvent, http, type LambdaEnv } from "../../http/index.js";
import { albEvent, functionUrlEvent, httpApiEvent, lambdaContext, PNG, restEvent } from "./events.js";

function buildApp() {
  const app = new Hono<{ Bindings: LambdaEnv }>();
  app.use("*", async (c, next) => {
    await next();
    c.header("x-request-id", c.env.context.awsRequestId);
  });
  app.use("/admin/*", async (c, next) => {
    if (c.req.header("authorization") !== "Bearer letmein") return c.json({ error: "unauthorized" }, 401);
    await next();
  });
  app.get("/orders/:id", (c) => c.json({ id: c.req.param("id"), tags: c.req.queries("tag") ?? [], q: c.req.query("q") ?? null }));
  app.post("/orders", async (c) => {
    const order = JSON.parse(await c.req.text()) as { item: string };
    return c.json({ created: order.item }, 201);
  });
  app.get("/me", (c) => {
    setCookie(c, "seen", "1", { path: "/", httpOnly: true });
    setCookie(c, "theme", getCookie(c, "theme") ?? "light");
    return c.text(`hello ${getCookie(c, "session") ?? "stranger"}`);
  });
  app.get("/logo.png", (c) => c.body(new Uint8Array(PNG), 200, { "content-type": "image/png" }));
  app.get("/admin/stats", (c) => c.json({ source: "requestContext" in c.env.event ? "api" : "?", sameEvent: getLambdaEvent(c.req.raw) === c.env.event }));
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  return app;
}

const handler = http(buildApp(), { stripStage: true });

/** Each source's result in one shape: status, a header getter, cookies, body bytes. */
async function call(event: Record<string, any>) {
  const result: any = await handler(event, lambdaContext("req-hono"));
  const header = (name: string): string | undefined => result.headers?.[name] ?? result.multiValueHeaders?.[name]?.join(", ");
  const cookies: string[] = result.cookies ?? result.multiValueHeaders?.["set-cookie"] ?? (result.headers?.["set-cookie"] ? [result.headers["set-cookie"]] : []);
  const body = Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
  return { status: result.statusCode as number, header, cookies, body, text: body.toString("utf8") };
}

type Request = { method?: string; path: string; query?: Record<string, string[]>; headers?: Record<string, string>; cookies?: string[]; body?: string };

const sources: Record<string, (r: Request) => Record<string, any>> = {
  "REST API": (r) => {
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, [v]]));
    if (r.cookies) headers.Cookie = [r.cookies.join("; ")];
    return restEvent({ method: r.method, path: r.path, query: r.query, headers, body: r.body ?? null });
  },
  "HTTP API": (r) => httpApiEvent({ method: r.method, rawPath: `/live${r.path}`, stage: "live", rawQueryString: rawQuery(r.query), headers: r.headers, cookies: r.cookies, body: r.body }),
  "Function URL": (r) => functionUrlEvent({ method: r.method, rawPath: r.path, rawQueryString: rawQuery(r.query), headers: r.headers, cookies: r.cookies, body: r.body }),
  ALB: (r) => {
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, [v]]));
    if (r.cookies) headers.cookie = [r.cookies.join("; ")];
    const query = Object.fromEntries(Object.entries(r.query ?? {}).map(([k, v]) => [k, v.map(encodeURIComponent)]));
    return albEvent({ multiValue: true, method: r.method, path: r.path, query, headers, body: r.body });
  },
};

function rawQuery(query: Record<string, string[]> = {}): string {
  return Object.entries(query)
    .flatMap(([k, values]) => values.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join("&");
}

for (const [name, eventFor] of Object.entries(sources)) {
  describe(`a Hono app behind ${name}`, () => {
    it("routes with path parameters and repeated, encoded query values", async () => {
      const response = await call(eventFor({ path: "/orders/42", query: { tag: ["a b", "c+d"], q: ["Zürich"] } }));
      assert.equal(response.status, 200);
      assert.deepEqual(JSON.parse(response.text), { id: "42", tags: ["a b", "c+d"], q: "Zürich" });
      assert.equal(response.header("content-type"), "application/json");
    });

    it("runs middleware that reads the Lambda context from c.env", async () => {
      const response = await call(eventFor({ path: "/orders/1" }));
      assert.equal(response.header("x-request-id"), "req-hono");
    });

    it("stops at middleware that refuses, and passes when it allows", async () => {
      assert.equal((await call(eventFor({ path: "/admin/stats" }))).status, 401);
      const allowed = await call(eventFor({ path: "/admin/stats", headers: { authorization: "Bearer letmein" } }));
      assert.deepEqual(JSON.parse(allowed.text), { source: "api", sameEvent: true });
    });

    it("reads a JSON body", async () => {
      const response = await call(eventFor({ method: "POST", path: "/orders", headers: { "content-type": "application/json" }, body: '{"item":"café"}' }));
      assert.equal(response.status, 201);
      assert.deepEqual(JSON.parse(response.text), { created: "café" });
    });

    it("reads cookies and sets them", async () => {
      const response = await call(eventFor({ path: "/me", cookies: ["session=ada", "theme=dark"] }));
      assert.equal(response.text, "hello ada");
      if (name === "ALB") return; // one test below covers ALB cookies; the rest is the same code path
      assert.deepEqual(response.cookies, ["seen=1; Path=/; HttpOnly", "theme=dark; Path=/"]);
    });

    it("answers binary bytes intact", async () => {
      const response = await call(eventFor({ path: "/logo.png" }));
      assert.deepEqual(response.body, PNG);
    });

    it("answers unknown routes from notFound", async () => {
      const response = await call(eventFor({ method: "DELETE", path: "/nope" }));
      assert.equal(response.status, 404);
      assert.deepEqual(JSON.parse(response.text), { error: "no route for DELETE /nope" });
    });
  });
}

describe("a Hono app behind ALB, cookies", () => {
  it("answers both Set-Cookie headers in multiValueHeaders", async () => {
    const response = await call(sources.ALB!({ path: "/me", cookies: ["session=ada"] }));
    assert.deepEqual(response.cookies, ["seen=1; Path=/; HttpOnly", "theme=light; Path=/"]);
  });
});
