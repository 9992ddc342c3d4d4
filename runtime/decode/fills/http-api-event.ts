import { dropNulls, isMap } from "./map.js";

/** Optional fields that SAM local and Function URL samples send as `null`, typed without null. */
const OPTIONAL_FIELDS = ["body", "cookies", "queryStringParameters"] as const;

/**
 * HTTP API (payload 2.0) and Function URL events: `null` for an optional field means it is
 * absent, as AWS sends it for a request without a body, cookies or query string. Constant
 * defaults (`routeKey: "$default"`, `isBase64Encoded: false`, ...) are the schema's `default`s.
 */
export function fillHttpApiEvent(event: unknown): void {
  if (isMap(event)) dropNulls(event, OPTIONAL_FIELDS);
}
