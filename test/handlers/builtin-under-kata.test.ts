import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { onAPIGatewayProxy, onAPIGatewayProxyV2, onSQS } from "../../handlers/index.js";
import { httpApiRequest, restApiRequest, sqsEvent } from "./support/events.js";
import { runUnderKata, type KataLoop } from "./support/loop.js";

// The built-in wrappers for events whose payload has no schema, under kata's own loop.

describe("onSQS under kata's start", () => {
  const bodies: string[] = [];
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(
      onSQS((body) => {
        if (body === "poison") throw new Error("cannot handle poison");
        bodies.push(body);
      }),
    );
  });
  after(() => loop.stop());

  it("passes each body as text and reports the records whose fn throws", async () => {
    const outcome = await loop.invoke(sqsEvent(["one", "poison", "{\"three\":3}"]));
    assert.deepEqual(outcome.json, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
    assert.deepEqual(bodies, ["one", '{"three":3}']);
  });
});

// One loop at a time: `start` owns process-wide state (console, signal handlers).
describe("onAPIGatewayProxyV2 under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(onAPIGatewayProxyV2((event) => ({ statusCode: 200, body: `${event.requestContext.http.method} ${event.rawPath}` })));
  });
  after(() => loop.stop());

  it("answers an HTTP API request and posts a DecodeError for a REST API one", async () => {
    assert.deepEqual((await loop.invoke(httpApiRequest())).json, { statusCode: 200, body: "POST /tenants/acme/orders" });
    assert.equal((await loop.invoke(restApiRequest())).json.errorType, "DecodeError");
  });
});

describe("onAPIGatewayProxy under kata's start", () => {
  let loop: KataLoop;
  before(async () => {
    loop = await runUnderKata(onAPIGatewayProxy((event) => ({ statusCode: 200, body: `${event.httpMethod} ${event.path}` })));
  });
  after(() => loop.stop());

  it("answers a REST API request and posts a DecodeError for an HTTP API one", async () => {
    assert.deepEqual((await loop.invoke(restApiRequest())).json, { statusCode: 200, body: "POST /orders" });
    assert.equal((await loop.invoke(httpApiRequest())).json.errorType, "DecodeError");
  });
});
