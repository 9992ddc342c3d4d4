import { randomUUID } from "node:crypto";
import { onCreateOrder } from "./generated/create-order.js";

/** HTTP API: the body is decoded and validated; an invalid one is answered with 400 problem+json. */
export const handler = onCreateOrder(async (body, event) => {
  const orderId = `ord-${randomUUID().slice(0, 8)}`;
  console.log(`${event.requestContext.http.method} ${event.rawPath}: ${body.items.length} item(s) for ${body.customerId}`);
  return {
    statusCode: 201,
    headers: { "content-type": "application/json", location: `/orders/${orderId}` },
    body: JSON.stringify({ orderId, items: body.items }),
  };
});
