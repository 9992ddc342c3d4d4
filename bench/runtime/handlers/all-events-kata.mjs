// The cold-start function: every built-in event decoder of kata is imported and reachable. Which
// handler runs is chosen at run time (BENCH_EVENT_SOURCE, default sqs), as a module shared by
// several functions would, so that a bundler keeps every decoder too.
import { assertALBEvent, decodeALBEvent, onAPIGatewayProxy, onAPIGatewayProxyV2, onEventBridge, onSQS } from "../../../dist/events.js";
import { typedHandler } from "../../../dist/handlers/typed-handler.js";

const noContent = async () => ({ statusCode: 204, body: "" });
const handlers = {
  sqs: onSQS(async (body) => {
    if (body.length === 0) throw new Error("empty message");
  }),
  eventbridge: onEventBridge(async () => {}),
  "apigw-v1": onAPIGatewayProxy(noContent),
  "apigw-v2": onAPIGatewayProxyV2(noContent),
  alb: typedHandler({ decode: decodeALBEvent, assert: assertALBEvent, handle: noContent }),
};

export const handler = handlers[process.env.BENCH_EVENT_SOURCE ?? "sqs"];
