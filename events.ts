/**
 * `kata/events`: the built-in Lambda event types, their decoders (`decodeX`, `assertX`, `isX`),
 * and the wrappers for events whose payload is not typed by a config entry.
 */
export * from "./generated/index.js";
