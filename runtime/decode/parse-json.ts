import { DecodeError } from "./decode-error.js";
import { syntaxErrorOffset } from "./json-syntax.js";
import { invalidUtf8Offset } from "./utf8.js";

// Strict: bytes that are not UTF-8 are refused, not turned into U+FFFD that a schema would let pass.
// The decoder drops a leading byte-order mark (ignoreBOM: false); text gets the same below.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes or text to a value. A leading UTF-8 byte-order mark is skipped in both (Lambda sends none,
 * but an editor may save one). Bytes that are not UTF-8 and malformed JSON become a DecodeError;
 * a syntax error keeps the parser's position.
 */
export function parseJson(typeName: string, input: string | Uint8Array, path = ""): unknown {
  const text = typeof input === "string" ? withoutBom(input) : decodeUtf8(typeName, input, path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DecodeError(typeName, [{ path, message: describeSyntaxError(error, text) }]);
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeUtf8(typeName: string, bytes: Uint8Array, path: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes);
    const at = offset < 0 ? "" : ` (byte 0x${bytes[offset]!.toString(16).padStart(2, "0")} at byte offset ${offset})`;
    throw new DecodeError(typeName, [{ path, message: `is not UTF-8 text${at}. Send the JSON encoded as UTF-8.` }]);
  }
}

/**
 * `is not JSON: <the parser's reason> at position N (line L, column C)`, the same on every Node
 * version: V8 names the position for some errors only, and from Node 22 adds its own line and column.
 */
export function describeSyntaxError(error: unknown, text: string): string {
  if (text.trim() === "") return "is not JSON: the input is empty";
  const message = error instanceof Error ? error.message : String(error);
  // "in JSON at position N", or on Node 20 also "after JSON at position N".
  const stated = / at position (\d+)/.exec(message);
  const offset = stated ? Number(stated[1]) : syntaxErrorOffset(text);
  const reason = parserReason(message);
  if (offset < 0) return `is not JSON: ${reason}`;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `is not JSON: ${reason} at position ${offset} (line ${line}, column ${column})`;
}

/** V8's reason without the position, line, column or quoted excerpt it appends: `Unexpected token '}'`. */
function parserReason(message: string): string {
  return message
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, "")
    .replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?$/, "");
}
