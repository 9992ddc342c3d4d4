import { InvalidHeaderError } from "./errors.js";

/**
 * Serialises request heads and trailer blocks. Names and values are checked before they are
 * written: a CR or LF taken from user data (an error message, a request id) would otherwise end
 * the header early and let that data forge headers or a second request.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// HTAB, SP and visible ASCII only: the head is then plain ASCII, whatever encoding writes it.
const FORBIDDEN_IN_VALUE = /[^\t\x20-\x7e]/;
// The request target goes on the request line verbatim, so it may hold only visible ASCII.
const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;
/** Framing headers the connection writes itself, with the value each must have for a given body. */
const RESERVED = new Map<string, (framing: BodyFraming | undefined) => string | undefined>([
  ["host", () => undefined],
  ["content-length", (framing) => (typeof framing === "number" ? String(framing) : undefined)],
  ["transfer-encoding", (framing) => (framing === "chunked" ? "chunked" : undefined)],
]);

/**
 * `"Name: value\r\n"` for each entry, after checking that none can break the framing. A framing
 * header the caller gives is dropped when it agrees with `framing` (the connection writes its
 * own), and refused when it does not.
 */
export function headerLines(fields: Record<string, string> | undefined, kind: "header" | "trailer", framing?: BodyFraming): string {
  let lines = "";
  if (fields === undefined) return lines;
  for (const name in fields) {
    const value = String(fields[name]);
    if (!TOKEN.test(name)) throw new InvalidHeaderError(JSON.stringify(name), `is not a valid HTTP ${kind} name`);
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new InvalidHeaderError(name, `the ${kind} value contains CR, LF, another control character or non-ASCII text; encode it (e.g. base64) first`);
    }
    const reserved = RESERVED.get(name.toLowerCase());
    if (reserved === undefined) lines += name + ": " + value + "\r\n";
    else if (kind === "trailer" || reserved(framing) !== value.toLowerCase()) {
      const own = kind === "header" ? reserved(framing) : undefined;
      throw new InvalidHeaderError(
        name,
        own === undefined
          ? `is written by the connection itself; leave it out of the ${kind}s`
          : `must be "${own}" for this body (the connection writes it itself; better leave it out)`,
      );
    }
  }
  return lines;
}

/** `Content-Length` as a byte count, or `"chunked"` for a `Transfer-Encoding: chunked` body. */
export type BodyFraming = number | "chunked" | "none";

/** The request line and headers, ending with the blank line. `host` is `AWS_LAMBDA_RUNTIME_API` as given. */
export function requestHead(method: string, path: string, host: string, headers: Record<string, string> | undefined, framing: BodyFraming): string {
  if (!ORIGIN_FORM.test(path)) {
    throw new InvalidHeaderError("path", `${JSON.stringify(path)} must start with "/" and hold only visible ASCII (percent-encode the rest)`);
  }
  let head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headerLines(headers, "header", framing);
  if (framing === "chunked") head += "Transfer-Encoding: chunked\r\n";
  else if (framing !== "none") head += "Content-Length: " + framing + "\r\n";
  return head + "\r\n";
}

/** The last chunk of a chunked body, carrying `trailers` (RFC 9112 §7.1.2). */
export function lastChunk(trailers: Record<string, string> | undefined): string {
  return "0\r\n" + headerLines(trailers, "trailer") + "\r\n";
}
