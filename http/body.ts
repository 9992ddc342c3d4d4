/**
 * Bodies in and out. Events carry text, or base64 when `isBase64Encoded`; results must say the
 * same. A response body is sent as text only when it is a text type in UTF-8, so that nothing
 * is lost in the JSON string; everything else is base64.
 */
import { isUint8Array } from "node:util/types";
import { InvalidBodyError } from "./errors.js";

// `text/*`, JSON, XML, JavaScript, and any `+json` / `+xml` structured syntax (RFC 6839).
const TEXT_TYPE = /^(?:text\/[^;\s]+|application\/(?:json|xml|javascript|ecmascript|x-javascript)|[^/;\s]+\/[^;\s]+\+(?:json|xml))\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
const UTF8_CHARSETS = new Set(["utf-8", "utf8", "us-ascii"]);

/** True for media types sent as text: `text/*`, JSON, XML, JavaScript, `+json`, `+xml`. */
export function isTextContentType(contentType: string): boolean {
  return TEXT_TYPE.test(contentType);
}

// RFC 4648 base64 (or its URL-safe alphabet), padded or not. Node's decoder skips anything else,
// which would hand the app a silently shortened body.
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** The event body as bytes, or undefined when there is none (or the method cannot carry one). Throws `InvalidBodyError` for bad base64. */
export function requestBody(method: string, body: string | null | undefined, isBase64Encoded: boolean | undefined): Uint8Array | undefined {
  // Fetch forbids a body on GET and HEAD; it is still in getLambdaEvent(request).body.
  if (body == null || body === "" || method === "GET" || method === "HEAD") return undefined;
  if (!isBase64Encoded) return Buffer.from(body, "utf8");
  if (!BASE64.test(body) || body.length % 4 === 1 || (body.endsWith("=") && body.length % 4 !== 0)) {
    throw new InvalidBodyError("the request body is marked isBase64Encoded but is not valid base64");
  }
  return Buffer.from(body, "base64");
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Response headers as a result carries them: lower-case names, one value or a list of them. */
type ResultHeaders = Record<string, string> | Record<string, string[]>;

/** The body as the result carries it; `headers` are the response's, already converted for the result (so none is asked twice). */
export async function resultBody(response: Response, headers: ResultHeaders): Promise<{ body: string; isBase64Encoded: boolean }> {
  const bytes = await bodyBytes(response);
  if (bytes.length === 0) return { body: "", isBase64Encoded: false };
  if (sentAsText(first(headers["content-type"]), first(headers["content-encoding"]))) {
    try {
      return { body: strictUtf8.decode(bytes), isBase64Encoded: false };
    } catch {
      // Declared text, but not valid UTF-8: base64 keeps the bytes.
    }
  }
  return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"), isBase64Encoded: true };
}

const EMPTY = new Uint8Array(0);

/**
 * The whole body, read with the stream's own reader: `arrayBuffer()` reads it the same way, then
 * copies it, with more promises on the way. Chunks must be bytes, as `arrayBuffer()` requires.
 */
async function bodyBytes(response: Response): Promise<Uint8Array> {
  const stream = response.body;
  if (stream === null) return EMPTY;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!isUint8Array(value)) {
      const error = new TypeError(`kata/http: the response body produced a ${value === null ? "null" : typeof value} chunk; a Response body must produce Uint8Array chunks.`);
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(value);
    length += value.length;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

const first = (value: string | string[] | undefined): string | undefined => (typeof value === "string" ? value : value?.[0]);

function sentAsText(contentType: string | undefined, encoding: string | undefined): boolean {
  if (contentType === undefined || !isTextContentType(contentType)) return false;
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false; // gzip'd text is bytes
  const charset = CHARSET.exec(contentType)?.[1]?.toLowerCase();
  return charset === undefined || UTF8_CHARSETS.has(charset);
}
