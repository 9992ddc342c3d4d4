import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { fillHttpApiEvent, fillMultiValueHeaders, fillRestApiEvent } from "../../runtime/decode/index.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, builtinDecoders, parentOf } from "./fixture-suite.js";

// "Tolerant reader, strict type": a `default` in a built-in schema, or a fill function named by
// `x-kata-fill`, gives a value to a field that AWS's tools may leave out (or send as null). Each
// row here is one line of the defaults table in docs/types-vs-aws-lambda.md.

type Json = Record<string, any>;

interface Default {
  type: string;
  /** A fixture that sends the field, and the field's JSON pointer in it. */
  fixture: [source: string, name: string];
  pointer: string;
  /** The value the decoder fills when the field is left out. */
  filled: unknown;
  /** Changes the fixture needs so that the field is derived as shown (e.g. the Host). */
  prepare?: (event: Json) => void;
}

const DEFAULTS: Default[] = [
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/isBase64Encoded", filled: false },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/body", filled: null },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/pathParameters", filled: null },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/stageVariables", filled: null },
  {
    type: "APIGatewayProxyEvent",
    fixture: ["apigw-v1", "base"],
    pointer: "/multiValueHeaders",
    filled: { Accept: ["application/json"], "X-Forwarded-Proto": ["https"] },
    prepare: (event) => (event.headers = { Accept: "application/json", "X-Forwarded-Proto": "https" }),
  },
  {
    type: "APIGatewayProxyEvent",
    fixture: ["apigw-v1", "base"],
    pointer: "/headers",
    filled: { Accept: "application/json" },
    prepare: (event) => (event.multiValueHeaders = { Accept: ["text/html", "application/json"] }),
  },
  {
    type: "APIGatewayProxyEvent",
    fixture: ["apigw-v1", "base"],
    pointer: "/multiValueQueryStringParameters",
    filled: { expand: ["items"] },
  },
  {
    type: "APIGatewayProxyEvent",
    fixture: ["apigw-v1", "base"],
    pointer: "/queryStringParameters",
    filled: { expand: "customer" },
    prepare: (event) => (event.multiValueQueryStringParameters = { expand: ["items", "customer"] }),
  },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/protocol", filled: "HTTP/1.1" },
  // On the execute-api endpoint the client's path has the stage in front of `path`.
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/path", filled: "/prod/orders/42" },
  {
    type: "APIGatewayProxyEvent",
    fixture: ["apigw-v1", "base"],
    pointer: "/requestContext/path",
    filled: "/orders/42",
    prepare: (event) => (event.requestContext.domainName = "api.example.com"),
  },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/httpMethod", filled: "GET" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/resourcePath", filled: "/orders/{id}" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/routeKey", filled: "$default" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/http/path", filled: "/webhooks/payment" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/http/protocol", filled: "HTTP/1.1" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/rawQueryString", filled: "" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/isBase64Encoded", filled: false },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/routeKey", filled: "$default" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/stage", filled: "$default" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/version", filled: "0" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/resources", filled: [] },
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/1/messageAttributes", filled: {} },
  { type: "ALBEvent", fixture: ["alb", "base"], pointer: "/body", filled: "" },
  { type: "ALBEvent", fixture: ["alb", "base"], pointer: "/isBase64Encoded", filled: false },
];

/** `null`s that mean "absent": the decoder removes them, since the type has no null there. */
const REMOVED_NULLS: Array<Omit<Default, "filled" | "prepare">> = [
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/extendedRequestId" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/domainName" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/domainPrefix" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/deploymentId" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/requestTime" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/body" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/queryStringParameters" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "cookies"], pointer: "/cookies" },
];

/** Fields that stay required: every source sends them, and a handler cannot do without them. */
const REQUIRED: Array<Omit<Default, "filled" | "prepare">> = [
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/0/messageId" },
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/0/body" },
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/0/receiptHandle" },
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/0/attributes" },
  { type: "SQSEvent", fixture: ["sqs", "base"], pointer: "/Records/0/eventSourceARN" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/detail-type" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/source" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/detail" },
  { type: "EventBridgeEvent", fixture: ["eventbridge", "base"], pointer: "/id" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/httpMethod" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/path" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/resource" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/identity/sourceIp" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/requestId" },
  { type: "APIGatewayProxyEvent", fixture: ["apigw-v1", "base"], pointer: "/requestContext/stage" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/rawPath" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/headers" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/http/method" },
  { type: "APIGatewayProxyEventV2", fixture: ["apigw-v2", "function-url"], pointer: "/requestContext/requestId" },
  { type: "ALBEvent", fixture: ["alb", "base"], pointer: "/httpMethod" },
  { type: "ALBEvent", fixture: ["alb", "base"], pointer: "/requestContext/elb/targetGroupArn" },
];

const get = (event: Json, pointer: string): unknown => {
  const [parent, key] = parentOf(event, pointer);
  return parent[key];
};

function withField(row: { fixture: [string, string]; pointer: string; prepare?: (event: Json) => void }, value: unknown): Json {
  const event = loadEvent<Json>(...row.fixture);
  row.prepare?.(event);
  const [parent, key] = parentOf(event, row.pointer);
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return event;
}

describe("tolerant reader: every default", () => {
  for (const row of DEFAULTS) {
    const { decode, assert: assertType, is } = builtinDecoders(row.type);
    it(`${row.type}: a missing ${row.pointer} decodes as ${JSON.stringify(row.filled)}, also in place for assert and is`, () => {
      const text = JSON.stringify(withField(row, undefined));
      assert.deepEqual(get(decode(text) as Json, row.pointer), row.filled);
      const asserted = JSON.parse(text) as Json;
      assertType(asserted);
      assert.deepEqual(get(asserted, row.pointer), row.filled);
      const checked = JSON.parse(text) as Json;
      assert.equal(is(checked), true);
      assert.deepEqual(get(checked, row.pointer), row.filled);
    });

    it(`${row.type}: a sent ${row.pointer} is kept as it is`, () => {
      const event = loadEvent<Json>(...row.fixture);
      row.prepare?.(event);
      assert.deepEqual(decode(JSON.stringify(event)), event);
    });

    it(`${row.type}: a ${row.pointer} of the wrong type is still rejected at its pointer`, () => {
      const wrong = typeof row.filled === "number" ? "7" : 7;
      assertDecodeError(() => decode(JSON.stringify(withField(row, wrong))), row.type, row.pointer);
    });
  }

  for (const row of REMOVED_NULLS) {
    const { decode } = builtinDecoders(row.type);
    it(`${row.type}: ${row.pointer}: null is removed (the type declares it optional, without null)`, () => {
      const decoded = decode(JSON.stringify(withField(row, null))) as Json;
      const [parent, key] = parentOf(decoded, row.pointer);
      assert.equal(Object.hasOwn(parent, key), false);
    });
  }

  for (const row of REQUIRED) {
    const { decode, is } = builtinDecoders(row.type);
    it(`${row.type}: ${row.pointer} stays required`, () => {
      const event = withField(row, undefined);
      assertDecodeError(() => decode(JSON.stringify(event)), row.type, row.pointer);
      assert.equal(is(event), false);
    });
  }
});

describe("tolerant reader: the fill functions", () => {
  it("leave an ALB event's maps alone: which pair is sent says whether multi-value headers are on", () => {
    const event = loadEvent<Json>("alb", "base");
    const decoded = events.decodeALBEvent(JSON.stringify(event));
    assert.equal(decoded.multiValueHeaders, undefined);
    assert.equal(decoded.multiValueQueryStringParameters, undefined);
  });

  it("keep a header called __proto__ as a plain entry", () => {
    const event = JSON.parse('{"headers":{"__proto__":"x"}}') as Json;
    fillMultiValueHeaders(event);
    const multi = event.multiValueHeaders as Json;
    assert.equal(Object.getPrototypeOf(multi), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(multi, "__proto__")?.value, ["x"]);
  });

  it("leave a wrong type for the validator to report at its pointer", () => {
    const event = withField({ fixture: ["apigw-v1", "base"], pointer: "/headers" }, undefined);
    event.multiValueHeaders = { accept: "text/html" };
    assertDecodeError(() => events.decodeAPIGatewayProxyEvent(JSON.stringify(event)), "APIGatewayProxyEvent", "/multiValueHeaders/accept");
  });

  it("take payload 1.0's path as the client's path: HTTP APIs keep the stage in it", () => {
    const event = withField({ fixture: ["apigw-v1", "base"], pointer: "/requestContext/path" }, undefined);
    event.version = "1.0";
    event.path = "/prod/orders/42";
    assert.equal(events.decodeAPIGatewayProxyEvent(JSON.stringify(event)).requestContext.path, "/prod/orders/42");
  });

  it("never throw, whatever they are given", () => {
    const odd = [null, 1, "x", [], undefined, {}, { requestContext: 5 }, { requestContext: { path: 1 }, path: 2 }, { headers: 1, multiValueHeaders: [] }];
    for (const fill of [fillMultiValueHeaders, fillRestApiEvent, fillHttpApiEvent]) {
      for (const value of odd) assert.doesNotThrow(() => fill(structuredClone(value)));
    }
  });
});
