import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getLambdaEvent, http, HttpEventError, HttpResultError, NotALambdaRequestError, UnsupportedEventError } from "../../http/index.js";
import { httpApiEvent, lambdaContext, restEvent } from "./events.js";

const ok = () => new Response("ok");
const invoke = (event: unknown) => http(ok)(event, lambdaContext());

describe("http() with events it cannot read", () => {
  it("rejects an SQS event with UnsupportedEventError naming the keys it received", async () => {
    const sqs = { Records: [{ messageId: "1", eventSource: "aws:sqs", body: "{}" }] };
    await assert.rejects(invoke(sqs), (error: unknown) => {
      assert.ok(error instanceof UnsupportedEventError);
      assert.match(error.message, /not an HTTP event/);
      assert.match(error.message, /received an object with keys Records\./);
      assert.match(error.message, /requestContext\.elb/);
      return true;
    });
  });

  it("describes values that are not objects", async () => {
    for (const [value, described] of [
      [null, "null"],
      ["GET /", "a string"],
      [[1, 2], "an array of 2"],
      [{}, "an empty object"],
    ] as const) {
      await assert.rejects(invoke(value), new RegExp(`received ${described.replace(/[[\]]/g, "\\$&")}\\.`));
    }
  });

  it("does not take a VPC Lattice v2 event for an HTTP API one although it says version 2.0", async () => {
    const lattice = { version: "2.0", path: "/x", method: "GET", headers: { host: ["svc"] }, body: "", requestContext: { serviceNetworkArn: "arn", serviceArn: "arn" } };
    await assert.rejects(invoke(lattice), UnsupportedEventError);
  });

  it("does not take a payload 2.0 event without requestContext.http", async () => {
    const event = httpApiEvent();
    delete event.requestContext.http;
    await assert.rejects(invoke(event), UnsupportedEventError);
  });

  it("names the header that a Request cannot carry, as a JSON Pointer into the event", async () => {
    const event = restEvent({ headers: { "X-Bad": ["line\nbreak"] } });
    await assert.rejects(invoke(event), (error: unknown) => {
      assert.ok(error instanceof HttpEventError);
      assert.equal(error.pointer, "/multiValueHeaders/X-Bad/0");
      assert.match(error.message, /^kata\/http: API Gateway REST API event at \/multiValueHeaders\/X-Bad\/0: /);
      return true;
    });
  });
});

describe("http() with apps that misbehave", () => {
  it("reports an app that returns no Response, naming the route", async () => {
    const handler = http(() => undefined as unknown as Response);
    await assert.rejects(handler(restEvent({ method: "POST", path: "/orders" }), lambdaContext()), (error: unknown) => {
      assert.ok(error instanceof HttpResultError);
      assert.match(error.message, /answered POST \/prod\/orders with undefined instead of a Response/);
      return true;
    });
  });

  it("lets the app's own error through, so that the loop reports it for this request", async () => {
    const boom = new RangeError("no such order");
    await assert.rejects(http(() => Promise.reject(boom))(restEvent(), lambdaContext()), (error) => error === boom);
  });

  it("refuses getLambdaEvent on a Request that http() did not build", () => {
    const copy = new Request("https://example.com/x");
    assert.throws(() => getLambdaEvent(copy), (error: unknown) => {
      assert.ok(error instanceof NotALambdaRequestError);
      assert.match(error.message, /GET https:\/\/example\.com\/x was not built by http\(\)/);
      return true;
    });
  });
});
