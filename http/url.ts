/**
 * Pieces of the Request URL. The sources disagree on encoding: REST APIs, Function URLs and ALBs
 * pass the path still percent-encoded, HTTP APIs pass it decoded; REST APIs decode query values,
 * ALBs do not. So paths are escaped only where a character can never appear literally in an
 * encoded path: encoded paths pass unchanged, decoded ones can no longer be cut at a `?` or `#`.
 */

// `\` becomes `/` in http(s) URLs, and the URL parser drops tabs, newlines and edge spaces.
const UNSAFE_IN_PATH = /[\x00-\x20\x7f?#\\]|%(?![0-9a-fA-F]{2})/g;
const UNSAFE_IN_QUERY = /[\x00-\x20\x7f#]|%(?![0-9a-fA-F]{2})/g;

const percentEncode = (char: string): string => "%" + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");

export function escapePath(path: string): string {
  const escaped = path.replace(UNSAFE_IN_PATH, percentEncode);
  return escaped.startsWith("/") ? escaped : "/" + escaped;
}

/** A query string that is already percent-encoded (v2 `rawQueryString`, ALB parameters). */
export function escapeQuery(query: string): string {
  return query.replace(UNSAFE_IN_QUERY, percentEncode);
}

type Params = Record<string, string[] | string | null | undefined> | null | undefined;

/**
 * `a=1&a=2&b=x` from parameter maps. `decoded` says whether the source decoded the values
 * (API Gateway does, so they are encoded again) or passed them as the client sent them (ALB).
 */
export function queryFrom(multi: Params, single: Params, decoded: boolean): string {
  const params = multi ?? single;
  if (!params) return "";
  const encode = decoded ? encodeURIComponent : escapeQuery;
  const pairs: string[] = [];
  for (const [key, values] of Object.entries(params)) {
    if (values == null) continue;
    for (const value of Array.isArray(values) ? values : [values]) pairs.push(`${encode(key)}=${encode(value)}`);
  }
  return pairs.join("&");
}
