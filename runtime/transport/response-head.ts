/**
 * Parses the status line and header fields of an HTTP/1.x response (RFC 9112 §4-6) and decides
 * how its body is delimited. Input is the head decoded as latin1, without the final CRLFCRLF.
 */

/** The response bytes break HTTP/1.x; the connection turns this into a RuntimeApiProtocolError. */
export class HttpParseError extends Error {
  override readonly name = "HttpParseError";
}

/** `bodyLength` of a chunked body. */
export const CHUNKED = -1;
/** `bodyLength` of a body that ends when the server closes the connection. */
export const UNTIL_CLOSE = -2;

export interface ResponseHead {
  status: number;
  /** Lower-cased names; repeated fields joined with ", " (RFC 9110 §5.3). */
  headers: Record<string, string>;
  /** Byte count from Content-Length (0 for 1xx/204/304), or CHUNKED, or UNTIL_CLOSE. */
  bodyLength: number;
  /** False when the server will close the connection after this response. */
  keepAlive: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BARE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/;
const DIGITS = /^\d{1,15}$/;

export function parseResponseHead(text: string): ResponseHead {
  // A lone CR or LF would let a line end where a lenient reader and we disagree; refuse it.
  if (BARE_CR_OR_LF.test(text)) throw new HttpParseError("bare CR or LF in the response head");
  let lineEnd = text.indexOf("\r\n");
  if (lineEnd === -1) lineEnd = text.length;
  const status = statusOf(text, lineEnd);
  const headers: Record<string, string> = Object.create(null);
  for (let start = lineEnd + 2; start < text.length; ) {
    let end = text.indexOf("\r\n", start);
    if (end === -1) end = text.length;
    addField(text, start, end, headers);
    start = end + 2;
  }
  const bodyLength = bodyLengthOf(status, headers);
  const connection = headers["connection"]?.toLowerCase();
  const http11 = text.charCodeAt(7) === 0x31;
  const keepAlive =
    bodyLength !== UNTIL_CLOSE && (http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive"));
  return { status, headers, bodyLength, keepAlive };
}

/** Adds the field line `text[start, end)` to `headers` (also used for chunked trailers). */
export function addField(text: string, start: number, end: number, headers: Record<string, string>): void {
  const colon = text.indexOf(":", start);
  if (colon === -1 || colon >= end) {
    throw new HttpParseError(`header line without a colon: ${JSON.stringify(text.slice(start, end))}`);
  }
  const name = text.slice(start, colon);
  // Also refuses obsolete line folding (a line starting with SP/HTAB) and "Name :".
  if (!TOKEN.test(name)) throw new HttpParseError(`invalid header name ${JSON.stringify(name)}`);
  const key = name.toLowerCase();
  const value = trimOws(text, colon + 1, end);
  const prior = headers[key];
  headers[key] = prior === undefined ? value : prior + ", " + value;
}

function statusOf(text: string, lineEnd: number): number {
  const valid =
    text.startsWith("HTTP/1.") &&
    isDigit(text.charCodeAt(7)) &&
    text.charCodeAt(8) === 0x20 &&
    isDigit(text.charCodeAt(9)) &&
    isDigit(text.charCodeAt(10)) &&
    isDigit(text.charCodeAt(11)) &&
    (lineEnd === 12 || text.charCodeAt(12) === 0x20);
  if (!valid) throw new HttpParseError(`bad status line ${JSON.stringify(text.slice(0, Math.min(lineEnd, 80)))}`);
  const status = +text.slice(9, 12);
  if (status === 101) throw new HttpParseError("unexpected 101 Switching Protocols");
  return status;
}

/** RFC 9112 §6.3: which of the framing rules applies to this response. */
function bodyLengthOf(status: number, headers: Record<string, string>): number {
  if (status < 200 || status === 204 || status === 304) return 0;
  const transferEncoding = headers["transfer-encoding"];
  if (transferEncoding !== undefined) {
    const codings = transferEncoding.toLowerCase().split(",");
    return codings[codings.length - 1]?.trim() === "chunked" ? CHUNKED : UNTIL_CLOSE;
  }
  const contentLength = headers["content-length"];
  if (contentLength === undefined) return UNTIL_CLOSE;
  if (DIGITS.test(contentLength)) return +contentLength;
  // Repeated Content-Length fields were joined with ", "; they are acceptable only when equal.
  const values = contentLength.split(",").map((v) => v.trim());
  const first = values[0] ?? "";
  if (!DIGITS.test(first) || values.some((v) => v !== first)) {
    throw new HttpParseError(`invalid Content-Length ${JSON.stringify(contentLength)}`);
  }
  return +first;
}

function hasToken(list: string | undefined, token: string): boolean {
  if (list === undefined) return false;
  return list.split(",").some((t) => t.trim() === token);
}

function trimOws(text: string, start: number, end: number): string {
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isOws(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
