import { onOrderMessage } from "./generated/order-message.js";

/** SQS: one call per record; a bad record is reported in batchItemFailures and never reaches this code. */
export const handler = onOrderMessage(async (order, record) => {
  if (order.quantity > 100) throw new Error(`order ${order.orderId}: quantity ${order.quantity} needs manual review`);
  console.log(`reserved ${order.quantity} x ${order.items?.join(", ") ?? "(no items)"} for ${order.orderId} (message ${record.messageId})`);
});
