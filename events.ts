/**
 * `kata/events`: the built-in Lambda event types, their decoders (`decodeX`, `assertX`, `isX`),
 * and the wrappers for events whose payload is not typed by a config entry. A function that needs
 * one source only can import `kata/events/<source>.js` and load only that source's validators.
 */
export * from "./generated/index.js";
export { onSQS, onEventBridge, onAPIGatewayProxy, onAPIGatewayProxyV2 } from "./handlers/builtin.js";
