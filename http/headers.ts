import { HttpEventError } from "./errors.js";

type Single = Record<string, string | null | undefined> | null | undefined;
type Multi = Record<string, string[] | null | undefined> | null | undefined;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Header values as bytes on the wire, the way `node:http` shows them: Fetch headers hold
 * Latin-1 only, so a UTF-8 value from the event is passed as its UTF-8 bytes instead of
 * failing. `Buffer.from(value, "latin1").toString()` gives the text back.
 */
const onTheWire = (value: string): string => (NON_ASCII.test(value) ? Buffer.from(value, "utf8").toString("latin1") : value);

/**
 * Request headers from an event's single-value and multi-value maps. The multi-value map has
 * every value (REST APIs send both maps with the same headers; ALB sends one of them), so it
 * wins, and a single-value header is used only when the multi-value map lacks it.
 */
export function requestHeaders(source: string, single: Single, multi: Multi): Headers {
  const headers = new Headers();
  // Where the failing value sits, kept as parts: the pointer is only built for an error.
  let name = "";
  let index = -1;
  try {
    const multiValue = multi ?? {};
    for (name in multiValue) {
      const values = multiValue[name];
      if (values) for (index = 0; index < values.length; index++) headers.append(name, onTheWire(values[index]!));
    }
    index = -1;
    const singleValue = single ?? {};
    for (name in singleValue) {
      const value = singleValue[name];
      if (value != null && !headers.has(name)) headers.append(name, onTheWire(value));
    }
  } catch (error) {
    const pointer = index < 0 ? `/headers/${pointerToken(name)}` : `/multiValueHeaders/${pointerToken(name)}/${index}`;
    throw new HttpEventError(source, pointer, (error as Error).message);
  }
  return headers;
}

const pointerToken = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** Response headers split the way results want them: Set-Cookie values apart, never comma-joined. */
export function responseHeaders(response: Response): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  return { headers, cookies: response.headers.getSetCookie() };
}

/** The same, as one-element lists, with every Set-Cookie kept: for `multiValueHeaders` results. */
export function multiValueResponseHeaders(response: Response): Record<string, string[]> {
  const { headers, cookies } = responseHeaders(response);
  const multi: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) multi[name] = [value];
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
