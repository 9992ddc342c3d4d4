import { DecodeError } from "../decode-error.js";
import { syntaxErrorOffset } from "./json-syntax.js";

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Bytes or text to a value. Malformed JSON becomes a DecodeError that keeps the parser's position. */
export function parseJson(typeName: string, input: string | Uint8Array, path = ""): unknown {
  const text = typeof input === "string" ? input : utf8.decode(input);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DecodeError(typeName, [{ path, message: describeSyntaxError(error, text) }]);
  }
}

/**
 * `is not JSON: <the parser's reason> at position N (line L, column C)`, the same on every Node
 * version: V8 names the position for some errors only, and from Node 22 adds its own line and column.
 */
export function describeSyntaxError(error: unknown, text: string): string {
  if (text.trim() === "") return "is not JSON: the input is empty";
  const message = error instanceof Error ? error.message : String(error);
  const stated = /in JSON at position (\d+)/.exec(message);
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
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, "");
}
