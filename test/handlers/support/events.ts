import type { APIGatewayProxyEvent } from "../../../generated/apigw-v1.js";
import type { APIGatewayProxyEventV2 } from "../../../generated/apigw-v2.js";
import type { EventBridgeEvent } from "../../../generated/eventbridge.js";
import type { SQSEvent, SQSRecord } from "../../../generated/sqs.js";
import { loadEvent } from "../../support/fixtures.js";

// Test events are the repository's fixtures with the fields each test is about replaced.

export const STANDARD_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders";
export const FIFO_QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";

export interface RecordSpec {
  body: string;
  /** FIFO only. */
  group?: string;
}

/** An SQS event with one record per spec; messageIds are `msg-0`, `msg-1`, ... */
export function sqsEvent(records: (string | RecordSpec)[], queueArn = STANDARD_QUEUE): SQSEvent {
  const template = loadEvent<SQSEvent>("sqs", "base").Records[0] as SQSRecord;
  return {
    Records: records.map((spec, index) => {
      const { body, group } = typeof spec === "string" ? { body: spec, group: undefined } : spec;
      const attributes = { ...template.attributes, ...(group === undefined ? {} : { MessageGroupId: group }) };
      return { ...template, messageId: `msg-${index}`, body, attributes, eventSourceARN: queueArn };
    }),
  };
}

/** A valid `OrderMessage` body. */
export function orderBody(orderId: string, quantity = 1): string {
  return JSON.stringify({ orderId, quantity });
}

/** The `Order Placed` fixture, with a detail valid for the test config's `OrderPlaced` schema. */
export function orderPlacedEvent(overrides: Partial<EventBridgeEvent> = {}): EventBridgeEvent {
  const detail = { orderId: "ord-42", customerId: "cus_4711", total: { amount: 5990, currency: "EUR" } };
  return { ...loadEvent<EventBridgeEvent>("eventbridge", "order-placed"), detail, ...overrides };
}

export function orderShippedEvent(overrides: Partial<EventBridgeEvent> = {}): EventBridgeEvent {
  const detail = { orderId: "ord-42", carrier: "dhl", trackingNumber: "JD0123" };
  return orderPlacedEvent({ "detail-type": "Order Shipped", source: "com.example.shipping", detail, ...overrides });
}

/** A valid `CreateOrder` body. */
export const createOrderBody = { customerId: "cus_4711", lines: [{ sku: "sku-red-mug", quantity: 2 }] };

export type HttpApiOverrides = Partial<Omit<APIGatewayProxyEventV2, "body">> & { body?: string | undefined };

/** An HTTP API (v2) `POST /tenants/{tenantId}/orders` request. */
export function httpApiRequest(overrides: HttpApiOverrides = {}): APIGatewayProxyEventV2 {
  const base = loadEvent<APIGatewayProxyEventV2>("apigw-v2", "post-json-body");
  const request: APIGatewayProxyEventV2 = {
    ...base,
    routeKey: "POST /tenants/{tenantId}/orders",
    rawPath: "/tenants/acme/orders",
    rawQueryString: "dryRun=true",
    queryStringParameters: { dryRun: "true" },
    pathParameters: { tenantId: "acme" },
    body: JSON.stringify(createOrderBody),
    ...overrides,
  };
  if ("body" in overrides && overrides.body === undefined) delete request.body;
  return request;
}

/** A REST API (v1) `POST /orders` request. */
export function restApiRequest(overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  return { ...loadEvent<APIGatewayProxyEvent>("apigw-v1", "post-json-body"), body: JSON.stringify(createOrderBody), ...overrides };
}
