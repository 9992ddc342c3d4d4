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

describe("onAPIGatewayProxyV2 and onAPIGatewayProxy under kata's start", () => {
  let v2: KataLoop;
  let v1: KataLoop;
  before(async () => {
    v2 = await runUnderKata(onAPIGatewayProxyV2((event) => ({ statusCode: 200, body: `${event.requestContext.http.method} ${event.rawPath}` })));
    v1 = await runUnderKata(onAPIGatewayProxy((event) => ({ statusCode: 200, body: `${event.httpMethod} ${event.path}` })));
  });
  after(async () => {
    await v2.stop();
    await v1.stop();
  });

  it("answers requests of their own format and posts a DecodeError for the other one", async () => {
    assert.deepEqual((await v2.invoke(httpApiRequest())).json, { statusCode: 200, body: "POST /tenants/acme/orders" });
    assert.deepEqual((await v1.invoke(restApiRequest())).json, { statusCode: 200, body: "POST /orders" });
    assert.equal((await v2.invoke(restApiRequest())).json.errorType, "DecodeError");
    assert.equal((await v1.invoke(httpApiRequest())).json.errorType, "DecodeError");
  });
});
