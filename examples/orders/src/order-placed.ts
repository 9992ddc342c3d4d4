import { onOrderPlaced } from "./generated/order-placed.js";

/** EventBridge: `detail` is typed, and `detail-type` is the literal "Order Placed". */
export const handler = onOrderPlaced(async (event) => {
  const { orderId, customerId, total } = event.detail;
  console.log(`${event["detail-type"]}: ${orderId} for ${customerId}, ${total.amount.toFixed(2)} ${total.currency}`);
  return { acknowledged: orderId };
});
