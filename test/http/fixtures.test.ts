import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as events from "../../events.js";
import { eventNames, eventText, fixturesDir, loadEvent } from "../support/fixtures.js";
import { requestFor } from "./harness.js";

/** The shared event fixtures (written from the AWS documentation) that are HTTP requests. */
const SOURCES = ["apigw-v1", "apigw-v2", "function-url", "alb"].filter((source) => existsSync(join(fixturesDir, source)));
/** What kata's decoder makes of a fixture: the values the adapter must agree with, filled where the fixture leaves them out. */
const DECODE: Record<string, (text: string) => any> = {
  "apigw-v1": events.decodeAPIGatewayProxyEvent,
  "apigw-v2": events.decodeAPIGatewayProxyEventV2,
  alb: events.decodeALBEvent,
};
const isRequestFixture = (name: string) => !name.startsWith("invalid-") && !name.startsWith("result");

describe("http() reads every shared HTTP event fixture", () => {
  it("has fixtures to read", () => {
    assert.ok(SOURCES.includes("apigw-v1") && SOURCES.includes("apigw-v2") && SOURCES.includes("alb"), `found ${SOURCES.join(", ")}`);
  });

  for (const source of SOURCES) {
    for (const name of eventNames(source).filter(isRequestFixture)) {
      it(`${source}/${name}: method, path, query and body as the event says`, async () => {
        const event = DECODE[source]!(eventText(source, name));
        const request = await requestFor(loadEvent(source, name));
        const url = new URL(request.url);
        const v2 = typeof event.rawPath === "string";
        assert.equal(request.method, v2 ? event.requestContext.http.method : event.httpMethod);
        if (v2) {
          assert.equal(url.pathname, event.rawPath);
          assert.equal(url.search.slice(1), event.rawQueryString);
        } else {
          // On the execute-api domain, requestContext.path is the path the client asked for, stage included.
          assert.equal(url.pathname, event.requestContext.path ?? event.path);
        }
        const body = event.body ? Buffer.from(event.body, event.isBase64Encoded ? "base64" : "utf8") : Buffer.alloc(0);
        const sent = ["GET", "HEAD"].includes(request.method) ? Buffer.alloc(0) : body;
        assert.deepEqual(Buffer.from(await request.arrayBuffer()), sent);
      });
    }
  }

  it("apigw-v1/multi-value: repeated query keys, repeated Cookie and Accept-Language headers", async () => {
    const request = await requestFor(loadEvent("apigw-v1", "multi-value"));
    assert.deepEqual(new URL(request.url).searchParams.getAll("tag"), ["mugs", "tea"]);
    assert.equal(request.headers.get("cookie"), "session=abc; theme=dark");
    assert.equal(request.headers.get("accept-language"), "en-GB, de-DE");
  });

  it("alb/multi-value: the still-encoded q=red%20mug is decoded once", async () => {
    const request = await requestFor(loadEvent("alb", "multi-value"));
    assert.equal(new URL(request.url).searchParams.get("q"), "red mug");
  });

  it("apigw-v2/cookies: the cookies array becomes the Cookie header, values untouched", async () => {
    const request = await requestFor(loadEvent("apigw-v2", "cookies"));
    assert.equal(request.headers.get("cookie"), "session=8f2c1e; theme=dark; consent=analytics%3Dfalse");
  });
});
