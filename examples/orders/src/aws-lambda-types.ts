// Checked by `tsc -p .`: kata's handlers are @types/aws-lambda handlers, so they fit code and
// tools typed with them (middy, Powertools, a team's own wrappers).
import type { APIGatewayProxyHandlerV2, EventBridgeHandler, SQSHandler } from "aws-lambda";
import { handler as createOrder } from "./create-order.js";
import type { OrderPlaced } from "./generated/order-placed.js";
import { handler as orderPlaced } from "./order-placed.js";
import { handler as processOrders } from "./process-orders.js";

export const sqs: SQSHandler = processOrders;
export const eventBridge: EventBridgeHandler<"Order Placed", OrderPlaced, { acknowledged: string }> = orderPlaced;
export const httpApi: APIGatewayProxyHandlerV2 = createOrder;
