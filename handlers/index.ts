// Typed Lambda handler factories. Generated `onName` wrappers call these; the built-in wrappers
// (`onSQS`, `onEventBridge`, `onAPIGatewayProxy`, `onAPIGatewayProxyV2`) are ready to use.
export { typedHandler, type TypedHandler, type TypedHandlerParts } from "./typed-handler.js";
export { HandlerOptionsError, UnroutableEventError } from "./errors.js";
export { payloadHandler, type PayloadHandler, type PayloadSpec } from "./payload.js";
export { sqsBatchHandler, type SQSBatchOptions, type SQSBatchSpec, type SQSMessageHandler } from "./sqs-batch.js";
export { logRecordFailure, type SQSRecordFailure, type RecordFailureCause } from "./sqs-failures.js";
export type { FifoMode } from "./fifo.js";
export {
  eventBridgeHandler,
  type EventBridgeEventHandler,
  type EventBridgeHandler,
  type EventBridgeHooks,
  type EventBridgeRoute,
  type EventBridgeSpec,
} from "./eventbridge.js";
export { routeEvents, type EventRoutes, type RoutedEvent, type RoutedResult } from "./route-events.js";
export type { ApiRequestSpec } from "../runtime/decode/index.js";
export type { ApiEventHandler, ApiGatewayFactory, DecodedApiEvent } from "./api-handler.js";
export {
  apiGatewayV1Handler,
  apiGatewayV2Handler,
  type ApiGatewayV1Handler,
  type ApiGatewayV1Request,
  type ApiGatewayV2Handler,
  type ApiGatewayV2Request,
} from "./api-gateway.js";
export type { RestApiAnswer } from "./rest-answer.js";
export { PROBLEM_JSON, problemResponse, validationProblem, type ProblemIssue, type ProblemResponse, type ValidationProblem } from "./problem-json.js";
export { onSQS, onEventBridge, onAPIGatewayProxy, onAPIGatewayProxyV2 } from "./builtin.js";
