import { HttpEventError } from "./errors.js";

type Single = Record<string, string | null | undefined> | null | undefined;
type Multi = Record<string, string[] | null | undefined> | null | undefined;

/** An event's request headers as it carries them: a single-value map, a multi-value map, or both. */
export interface EventHeaders {
  single: Single;
  multi: Multi;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Header values as bytes on the wire, the way `node:http` shows them: Fetch headers hold
 * Latin-1 only, so a UTF-8 value from the event is passed as its UTF-8 bytes instead of
 * failing. `Buffer.from(value, "latin1").toString()` gives the text back.
 */
const onTheWire = (value: string): string => (NON_ASCII.test(value) ? Buffer.from(value, "utf8").toString("latin1") : value);

/**
 * Appends an event's request headers to `headers`: the Request's own, so that they are copied
 * once (a `Headers` given in the Request's init is copied again). The multi-value map has every
 * value (REST APIs send both maps with the same headers; ALB sends one of them), so it wins, and
 * a single-value header is used only when no header of that name is there yet.
 */
export function appendRequestHeaders(headers: Headers, source: string, { single, multi }: EventHeaders): void {
  // Where the failing value sits, kept as parts: the pointer is only built for an error.
  let name = "";
  let index = -1;
  try {
    if (multi) {
      for (name in multi) {
        const values = multi[name];
        if (values) for (index = 0; index < values.length; index++) headers.append(name, onTheWire(values[index]!));
      }
      index = -1;
    }
    // A name can be there already, in another case, only after the multi-value map or once a name
    // not in lower case was seen (HTTP APIs and ALBs send lower case): until then, no `has`.
    let mayRepeat = !!multi;
    if (single) {
      for (name in single) {
        const value = single[name];
        if (value == null) continue;
        if (!mayRepeat) mayRepeat = name !== name.toLowerCase();
        if (mayRepeat && appended(headers, multi, name)) continue;
        headers.append(name, onTheWire(value));
      }
    }
  } catch (error) {
    const pointer = index < 0 ? `/headers/${pointerToken(name)}` : `/multiValueHeaders/${pointerToken(name)}/${index}`;
    throw new HttpEventError(source, pointer, (error as Error).message);
  }
}

/** Whether `name` is in `headers` already; the same name in the multi-value map answers without asking `headers`. */
function appended(headers: Headers, multi: Multi, name: string): boolean {
  const values = multi?.[name];
  return (Array.isArray(values) && values.length > 0) || headers.has(name);
}

/**
 * What `headers.get(name)` will answer once `appendRequestHeaders` has run, read from the event's
 * maps: the Request's URL needs the Host before the Request (and so its headers) exists.
 * `name` is in lower case. As in `Headers`, values lose their leading and trailing whitespace
 * and repeated ones are joined with ", ".
 */
export function eventHeader({ single, multi }: EventHeaders, name: string): string | null {
  let found: string | null = null;
  if (multi) {
    for (const key in multi) {
      const values = key.length === name.length ? multi[key] : undefined;
      if (!values || key.toLowerCase() !== name) continue;
      for (let index = 0; index < values.length; index++) {
        const value = normalized(values[index]!);
        found = found === null ? value : `${found}, ${value}`;
      }
    }
    if (found !== null) return found;
  }
  if (single) {
    for (const key in single) {
      const value = key.length === name.length ? single[key] : undefined;
      // The first of the names that differ only in case: `appendRequestHeaders` skips the others.
      if (value != null && key.toLowerCase() === name) return normalized(value);
    }
  }
  return null;
}

const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const isWhitespace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

function normalized(value: string): string {
  const text = onTheWire(String(value));
  // Looked at before replacing: most values have no whitespace at either end.
  return isWhitespace(text.charCodeAt(0)) || isWhitespace(text.charCodeAt(text.length - 1)) ? text.replace(EDGE_WHITESPACE, "") : text;
}

const pointerToken = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** Response headers split the way results want them: Set-Cookie values apart, never comma-joined. */
export function responseHeaders(response: Response): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  // Iteration gives each Set-Cookie on its own (Fetch's "sort and combine"), the others joined.
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") cookies.push(value);
    else headers[name] = value;
  });
  return { headers, cookies };
}

/** The same, as one-element lists, with every Set-Cookie kept: for `multiValueHeaders` results. */
export function multiValueResponseHeaders(response: Response): Record<string, string[]> {
  const multi: Record<string, string[]> = {};
  const cookies: string[] = [];
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") cookies.push(value);
    else multi[name] = [value];
  });
  if (cookies.length > 0) multi["set-cookie"] = cookies;
  return multi;
}

/**
 * For results that have one value per header and no cookie list (ALB without multi-value
 * headers). Such a target group carries one Set-Cookie header; joining cookies with commas would
 * break them (`Expires` dates contain commas), so the first is sent and the others are named in
 * one WARN line with the setting that sends them all.
 */
export function singleValueResponseHeaders(response: Response): Record<string, string> {
  const { headers, cookies } = responseHeaders(response);
  if (cookies[0] !== undefined) headers["set-cookie"] = cookies[0];
  if (cookies.length > 1) {
    const names = cookies.slice(1).map(cookieName).join(", ");
    console.warn(
      `kata/http: the response sets ${cookies.length} cookies, but an ALB target group without multi-value headers passes one Set-Cookie header: ` +
        `sent ${cookieName(cookies[0]!)}, not sent ${names}. Enable multi-value headers on the target group (lambda.multi_value_headers.enabled) to send them all.`,
    );
  }
  return headers;
}

/** The name of a Set-Cookie value, quoted; the value may be a secret and stays out of logs. */
function cookieName(setCookie: string): string {
  const end = setCookie.indexOf("=");
  return JSON.stringify((end < 0 ? setCookie : setCookie.slice(0, end)).trim());
}
