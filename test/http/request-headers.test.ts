import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { albEvent, HTTP_API_HOST, httpApiEvent, REST_HOST, restEvent } from "./events.js";
import { requestFor } from "./harness.js";

// The URL's origin is chosen before the Request (and so its headers) exists, from the event's own
// header maps: it must agree with the Host and X-Forwarded-Proto the app then sees on the Request.

type Json = Record<string, any>;

/** The event without the Host header in any case, in every map it has. */
function withoutHost(event: Json): Json {
  for (const map of [event.headers, event.multiValueHeaders]) {
    if (map) for (const name of Object.keys(map)) if (name.toLowerCase() === "host") delete map[name];
  }
  return event;
}

describe("http(): the origin agrees with the Request's own Host and X-Forwarded-Proto", () => {
  it("trims the Host as Headers do", async () => {
    const request = await requestFor(httpApiEvent({ headers: { host: " \tshop.example.com " } }));
    assert.equal(request.headers.get("host"), "shop.example.com");
    assert.equal(new URL(request.url).host, "shop.example.com");
  });

  it("takes the first of single-value names that differ only in case, as the Request's headers do", async () => {
    const event = withoutHost(httpApiEvent());
    event.headers = { Host: "first.example.com", host: "second.example.com", ...event.headers };
    const request = await requestFor(event);
    assert.equal(request.headers.get("host"), "first.example.com");
    assert.equal(new URL(request.url).host, "first.example.com");
  });

  it("keeps only the first of other single-value names that differ only in case", async () => {
    const event = httpApiEvent({ headers: { "x-tenant": "a" } });
    event.headers["X-Tenant"] = "b";
    assert.equal((await requestFor(event)).headers.get("x-tenant"), "a");
  });

  it("does not use a Host sent twice (it is no single host), but the source's domain name", async () => {
    const event = withoutHost(restEvent());
    event.multiValueHeaders.host = ["a.example.com", "b.example.com"];
    const request = await requestFor(event);
    assert.equal(request.headers.get("host"), "a.example.com, b.example.com");
    assert.equal(new URL(request.url).host, REST_HOST);
  });

  it("takes the single-value Host when the multi-value map has the name without values", async () => {
    const event = withoutHost(restEvent());
    event.requestContext.domainName = undefined;
    event.multiValueHeaders.Host = [];
    event.headers.host = "shop.example.com";
    const request = await requestFor(event);
    assert.equal(request.headers.get("host"), "shop.example.com");
    assert.equal(new URL(request.url).host, "shop.example.com");
  });

  it("falls back to the source's domain name when there is no Host at all", async () => {
    const request = await requestFor(withoutHost(httpApiEvent()));
    assert.equal(request.headers.get("host"), null);
    assert.equal(new URL(request.url).host, HTTP_API_HOST);
  });

  for (const [name, event] of [
    ["ALB, single-value", () => albEvent({ proto: " http " })],
    ["ALB, multi-value", () => albEvent({ proto: "http", multiValue: true })],
    ["REST, in another case", () => restEvent({ headers: { "X-Forwarded-Proto": ["http"] } })],
  ] as const) {
    it(`${name}: X-Forwarded-Proto http makes an http URL`, async () => {
      const request = await requestFor(event());
      assert.equal(request.headers.get("x-forwarded-proto"), "http");
      assert.equal(new URL(request.url).protocol, "http:");
    });
  }

  it("keeps https when X-Forwarded-Proto is sent twice", async () => {
    const request = await requestFor(restEvent({ headers: { "X-Forwarded-Proto": ["http", "http"] } }));
    assert.equal(request.headers.get("x-forwarded-proto"), "http, http");
    assert.equal(new URL(request.url).protocol, "https:");
  });
});
