/** Helpers the fills share: they look at values whose types are not yet checked. */

export type JsonMap = Record<string, unknown>;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A header may be called `__proto__`; assigning it would change the map's prototype instead. */
export function setOwn(map: JsonMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
