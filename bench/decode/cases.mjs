import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../lib/ensure-deps.mjs";

const fixture = (source, name) => JSON.parse(readFileSync(join(projectRoot, "test/fixtures/events", source, `${name}.json`), "utf8"));

/*
 * The API Gateway fixtures carry `{"customerId", "items"}`, but the test config's CreateOrder schema
 * wants `lines` (and no unknown property), and CreateOrder's path schema needs `tenantId`. The bench
 * keeps every other field of the fixture and swaps in a body (and, for v2, parameters) that fit.
 */
const createOrderBody = JSON.stringify({ customerId: "cus-4711", lines: [{ sku: "sku-red-mug", quantity: 2 }], note: "leave at the door" });

function createOrderV1() {
  return { ...fixture("apigw-v1", "post-json-body"), body: createOrderBody };
}

function createOrderV2() {
  const event = fixture("apigw-v2", "post-json-body");
  return {
    ...event,
    routeKey: "POST /tenants/{tenantId}/orders",
    rawPath: "/tenants/acme/orders",
    rawQueryString: "dryRun=false",
    queryStringParameters: { dryRun: "false" },
    pathParameters: { tenantId: "acme" },
    requestContext: { ...event.requestContext, routeKey: "POST /tenants/{tenantId}/orders", http: { ...event.requestContext.http, path: "/tenants/acme/orders" } },
    body: createOrderBody,
  };
}

/** The ten-record batch repeated, with fresh message ids, until its JSON is at least `bytes` long. */
function largeSqsBatch(bytes) {
  const template = fixture("sqs", "ten-records").Records;
  const Records = [];
  let size = 0;
  while (size < bytes) {
    const record = { ...template[Records.length % template.length], messageId: `9f2b7c3e-5a1d-4e8b-b0c4-${String(Records.length).padStart(12, "0")}` };
    Records.push(record);
    size += JSON.stringify(record).length + 1;
  }
  return { Records };
}

function makeCase(id, title, typed, event) {
  const text = JSON.stringify(event);
  return { id, title, typed, text, bytes: new TextEncoder().encode(text) };
}

/**
 * Every event the decode benchmark runs, as the Runtime API would deliver it (compact JSON).
 * `typed` cases decode the JSON payload inside the event too; the others only the envelope.
 */
export function loadCases() {
  const sqs = fixture("sqs", "ten-records");
  const eventBridge = fixture("eventbridge", "order-placed");
  const large = largeSqsBatch(1024 * 1024);
  return [
    makeCase("sqs-10", "SQS, 10 records, OrderMessage bodies", true, sqs),
    makeCase("eventbridge", "EventBridge, OrderPlaced detail", true, eventBridge),
    makeCase("apigw-v1", "API Gateway v1, CreateOrder body", true, createOrderV1()),
    makeCase("apigw-v2", "API Gateway v2, CreateOrder body+query+path", true, createOrderV2()),
    makeCase("sqs-1mb", `SQS, ${large.Records.length} records (1 MB), OrderMessage bodies`, true, large),
    makeCase("sqs-10-envelope", "SQS, 10 records, envelope only", false, sqs),
    makeCase("eventbridge-envelope", "EventBridge, envelope only", false, eventBridge),
    makeCase("apigw-v1-envelope", "API Gateway v1, envelope only", false, createOrderV1()),
    makeCase("apigw-v2-envelope", "API Gateway v2, envelope only", false, createOrderV2()),
  ];
}

/**
 * The same event made invalid deep inside (a body's quantity of 0, a detail total's bad currency).
 * Every peer must reject it, which shows each one does the validating work it is timed for.
 */
export function breakCase(testCase) {
  const event = JSON.parse(testCase.text);
  if (event.Records) {
    const record = event.Records.at(-1);
    if (testCase.typed) record.body = JSON.stringify({ ...JSON.parse(record.body), quantity: 0 });
    else record.attributes.SentTimestamp = 1732450003700;
  } else if (event.detail) {
    if (testCase.typed) event.detail.total.currency = "JPY";
    else event.resources = [42];
  } else if (testCase.typed) {
    event.body = JSON.stringify({ customerId: "cus-4711", lines: [{ sku: "", quantity: 2 }] });
  } else {
    event.requestContext.requestId = 7;
  }
  return JSON.stringify(event);
}
