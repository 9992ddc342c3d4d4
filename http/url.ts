/**
 * Pieces of the Request URL. The sources disagree on encoding: REST APIs, Function URLs and ALBs
 * pass the path still percent-encoded, HTTP APIs pass it decoded; REST APIs decode query values,
 * ALBs do not. So paths are escaped only where a character can never appear literally in an
 * encoded path: encoded paths pass unchanged, decoded ones can no longer be cut at a `?` or `#`.
 */

// `\` becomes `/` in http(s) URLs, and the URL parser drops tabs, newlines and edge spaces.
const UNSAFE_IN_PATH = /[\x00-\x20\x7f?#\\]|%(?![0-9a-fA-F]{2})/;
const UNSAFE_IN_QUERY = /[\x00-\x20\x7f#]|%(?![0-9a-fA-F]{2})/;
const ALL_UNSAFE_IN_PATH = new RegExp(UNSAFE_IN_PATH.source, "g");
const ALL_UNSAFE_IN_QUERY = new RegExp(UNSAFE_IN_QUERY.source, "g");

const percentEncode = (char: string): string => "%" + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");

// Most paths and queries need no escape: a test costs less than a replace that finds nothing.
export function escapePath(path: string): string {
  const escaped = UNSAFE_IN_PATH.test(path) ? path.replace(ALL_UNSAFE_IN_PATH, percentEncode) : path;
  return escaped.startsWith("/") ? escaped : "/" + escaped;
}

/** A query string that is already percent-encoded (v2 `rawQueryString`, ALB parameters). */
export function escapeQuery(query: string): string {
  return UNSAFE_IN_QUERY.test(query) ? query.replace(ALL_UNSAFE_IN_QUERY, percentEncode) : query;
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
  let query = "";
  for (const key in params) {
    const values = params[key];
    if (values == null) continue;
    const name = encode(key);
    if (!Array.isArray(values)) query += `${query ? "&" : ""}${name}=${encode(values)}`;
    else for (const value of values) query += `${query ? "&" : ""}${name}=${encode(value)}`;
  }
  return query;
}
