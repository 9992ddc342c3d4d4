import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAPIGatewayProxyEvent, decodeAPIGatewayProxyEvent, decodeEventBridgeEvent, isEventBridgeEvent } from "../../events.js";
import { fillMultiValueHeaders } from "../../runtime/decode/index.js";
import { loadEvent } from "../support/fixtures.js";

// The mechanism behind "tolerant reader, strict type": a `default` in a built-in schema, and a fill
// function named by `x-kata-fill`, give a value to a field that AWS's tools may leave out.

/** The base REST event without the named top-level fields. */
function restEventWithout(...fields: string[]): Record<string, unknown> {
  const event = loadEvent<Record<string, unknown>>("apigw-v1", "base");
  for (const field of fields) delete event[field];
  return event;
}

describe("tolerant reader mechanism", () => {
  it("fills a constant default (EventBridge version) in the decoded value", () => {
    const event = loadEvent<Record<string, unknown>>("eventbridge", "base");
    delete event.version;
    assert.equal(decodeEventBridgeEvent(JSON.stringify(event)).version, "0");
  });

  it("fills in place when the event is already parsed, as under the managed runtime", () => {
    const event = loadEvent<Record<string, unknown>>("eventbridge", "base");
    delete event.version;
    assert.equal(isEventBridgeEvent(event), true);
    assert.equal(event.version, "0");
  });

  it("derives multiValueHeaders from headers, the last value of each", () => {
    const event = restEventWithout("multiValueHeaders", "multiValueQueryStringParameters");
    const decoded = decodeAPIGatewayProxyEvent(JSON.stringify(event));
    const headers = event.headers as Record<string, string>;
    assert.deepEqual(decoded.multiValueHeaders, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])));
  });

  it("derives headers from multiValueHeaders", () => {
    const event = restEventWithout("headers");
    event.multiValueHeaders = { accept: ["text/html", "application/json"], "x-one": ["1"] };
    assertAPIGatewayProxyEvent(event);
    assert.deepEqual(event.headers, { accept: "application/json", "x-one": "1" });
  });

  it("keeps a header called __proto__ as a plain entry", () => {
    const event = JSON.parse('{"headers":{"__proto__":"x"}}') as Record<string, unknown>;
    fillMultiValueHeaders(event);
    const multi = event.multiValueHeaders as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(multi), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(multi, "__proto__")?.value, ["x"]);
  });

  it("leaves a wrong type for the validator to report at its pointer", () => {
    const event = restEventWithout("headers");
    event.multiValueHeaders = { accept: "text/html" };
    assert.throws(
      () => decodeAPIGatewayProxyEvent(JSON.stringify(event)),
      (error: Error & { issues?: { path: string }[] }) => error.issues?.some((issue) => issue.path === "/multiValueHeaders/accept") === true,
    );
  });

  it("ignores what is not an object", () => {
    for (const value of [null, 1, "x", [], undefined]) assert.doesNotThrow(() => fillMultiValueHeaders(value));
  });
});
