#!/usr/bin/env node
// A CDK app deploying the orders example (../orders): its SQS consumer on kata's runtime loop
// (provided.al2023) and its EventBridge handler on the managed Node.js 22 runtime, both on arm64.
// Synthesize with: npx cdk synth (cdk.json runs this file). The test suite synthesizes it too.
import { fileURLToPath } from "node:url";
import { App, Duration, Stack, aws_events as events, aws_sqs as sqs } from "aws-cdk-lib";
import { KataFunction } from "kata/cdk";

const orders = fileURLToPath(new URL("../orders/", import.meta.url));

/** The stack: a queue with a dead-letter queue, an event bus, and the two functions wired to them by entry name. */
export function ordersStack(app) {
  const stack = new Stack(app, "KataOrders");
  const deadLetters = new sqs.Queue(stack, "OrdersDeadLetters");
  const queue = new sqs.Queue(stack, "Orders", { visibilityTimeout: Duration.seconds(60), deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 } });
  const bus = new events.EventBus(stack, "OrderEvents");

  new KataFunction(stack, "ProcessOrders", {
    projectRoot: orders,
    handler: "src/process-orders.handler",
    runtime: "provided.al2023",
    timeout: Duration.seconds(10),
  }).addSqsSource(queue, "OrderMessage", { batchSize: 10 });

  new KataFunction(stack, "OrderPlaced", { projectRoot: orders, handler: "src/order-placed.handler" }).addEventBridgeRule(bus, "OrderPlaced");
  return stack;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = new App();
  ordersStack(app);
  app.synth();
}
