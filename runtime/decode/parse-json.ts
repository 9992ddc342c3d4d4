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

/** The parser's reason, and where: position, line and column (V8 does not always say). */
export function describeSyntaxError(error: unknown, text: string): string {
  if (text.trim() === "") return "is not JSON: the input is empty";
  const reason = (error instanceof Error ? error.message : String(error)).replace(/, "[\s\S]*" is not valid JSON$/, "");
  const stated = /position (\d+)/.exec(reason);
  const offset = stated ? Number(stated[1]) : syntaxErrorOffset(text);
  if (offset < 0) return `is not JSON: ${reason}`;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const where = stated ? "" : ` at position ${offset}`;
  return `is not JSON: ${reason}${where} (line ${line}, column ${column})`;
}
