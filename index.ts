/**
 * `kata`: the runtime loop (`start`, `onShutdown`), the typed handler toolkit (`routeEvents`, the
 * factories that generated `onName` wrappers call) and `DecodeError`.
 * Built-in event types and decoders are in `kata/events`; the Fetch adapter is `kata/http`.
 */
export * from "./runtime/index.js";
export * from "./handlers/index.js";
