type Headers = Record<string, unknown>;

/**
 * API Gateway REST (v1) and ALB events carry both `headers` and `multiValueHeaders` when AWS sends
 * them, but console test events and older tools send only one. Each map is the other's meaning:
 * the single-value map holds the last value of each header.
 */
export function fillMultiValueHeaders(event: unknown): void {
  if (!isMap(event)) return;
  fillPair(event, "headers", "multiValueHeaders");
  fillPair(event, "queryStringParameters", "multiValueQueryStringParameters");
}

function fillPair(event: Record<string, unknown>, single: string, multi: string): void {
  const one = event[single];
  const many = event[multi];
  if (one !== undefined && many !== undefined) return;
  if (one === undefined && isMap(many)) event[single] = lastValues(many);
  else if (many === undefined && isMap(one)) event[multi] = asLists(one);
}

function isMap(value: unknown): value is Headers {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lastValues(many: Headers): Headers {
  const out: Headers = {};
  for (const key of Object.keys(many)) {
    const values = many[key];
    // A non-array stays as it was sent: the validator reports it at its pointer.
    setOwn(out, key, Array.isArray(values) ? values[values.length - 1] : values);
  }
  return out;
}

function asLists(one: Headers): Headers {
  const out: Headers = {};
  for (const key of Object.keys(one)) setOwn(out, key, [one[key]]);
  return out;
}

/** A header may be called `__proto__`; assigning it would change the map's prototype instead. */
function setOwn(map: Headers, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
