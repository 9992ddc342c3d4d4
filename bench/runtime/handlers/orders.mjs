/**
 * The per-record work of every SQS handler in the bench: a few reads of the order, the same under
 * every loop and decoder, so that what differs between them is the loop and the decoding.
 */
export async function processOrder(order) {
  if (order.quantity < 1 || typeof order.orderId !== "string") throw new Error(`order ${order.orderId}: nothing to do`);
}

/** What every SQS handler answers when all records went through: an empty partial batch response. */
export const ALL_DONE = Object.freeze({ batchItemFailures: [] });
