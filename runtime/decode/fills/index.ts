/**
 * Fill functions: what a built-in schema's `x-kata-fill` keyword names. Generated validators call
 * them on an object before checking it, so that an event AWS's own tools send without a field the
 * type requires (or with `null` for it) gets the value the field means in AWS's documentation,
 * derived from the rest of the event. Constant defaults are plain JSON Schema `default`s instead.
 *
 * Each fill mutates its argument, must cost almost nothing when every field is present, and must
 * never throw: what it cannot fill is left for the validator to report with its pointer.
 */
export { fillMultiValueHeaders } from "./multi-value-headers.js";
export { fillRestApiEvent } from "./rest-api-event.js";
export { fillHttpApiEvent } from "./http-api-event.js";
