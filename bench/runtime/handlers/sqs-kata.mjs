// A 10-record SQS batch under kata: the generated `onOrderMessage` decodes the raw `/next` bytes
// (envelope and every body, validated as OrderMessage) before `processOrder` sees a record.
import { onOrderMessage } from "../../../dist/test/generated/order-message.js";
import { processOrder } from "./orders.mjs";

export const handler = onOrderMessage(processOrder);
