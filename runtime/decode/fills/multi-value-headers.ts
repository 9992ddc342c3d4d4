import { isMap, setOwn, type JsonMap } from "./map.js";

/**
 * API Gateway REST (v1) events carry both `headers` and `multiValueHeaders` when AWS sends them,
 * but console test events and older tools send only one. Each map is the other's meaning: the
 * single-value map holds the last value of each header. The same holds for the query string maps.
 * A pair of which neither is sent stays absent (the schema's `default: null` fills it).
 */
export function fillMultiValueHeaders(event: unknown): void {
  if (!isMap(event)) return;
  // Named reads first: this runs on every event, and keyed reads by a variable name are slow in V8.
  if (event.headers === undefined || event.multiValueHeaders === undefined) fillPair(event, "headers", "multiValueHeaders");
  if (event.queryStringParameters === undefined || event.multiValueQueryStringParameters === undefined) {
    fillPair(event, "queryStringParameters", "multiValueQueryStringParameters");
  }
}

function fillPair(event: JsonMap, single: string, multi: string): void {
  const one = event[single];
  const many = event[multi];
  if (one === undefined && isMap(many)) event[single] = lastValues(many);
  else if (many === undefined && isMap(one)) event[multi] = asLists(one);
}

function lastValues(many: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const key of Object.keys(many)) {
    const values = many[key];
    // A non-array stays as it was sent: the validator reports it at its pointer.
    setOwn(out, key, Array.isArray(values) ? values[values.length - 1] : values);
  }
  return out;
}

function asLists(one: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const key of Object.keys(one)) setOwn(out, key, [one[key]]);
  return out;
}
