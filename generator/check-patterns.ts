import { SchemaError } from "./errors.js";
import { backtracksExponentially } from "./pattern-safety.js";
import { escapePointer, schemaNodes } from "./schema-walk.js";

/**
 * Refuses every `pattern` (and `patternProperties` name) of a schema file that can backtrack
 * exponentially: generated decoders run patterns on V8's backtracking engine, where one such
 * pattern and a string that almost matches hold the function until its timeout. Checked here, at
 * generate time, so that the run-time decoders keep native RegExp speed and no regex library.
 */
export function checkPatterns(file: string, schema: unknown): void {
  for (const { node, at } of schemaNodes(schema)) {
    if (typeof node.pattern === "string") check(file, `${at}/pattern`, node.pattern);
    const named = node.patternProperties;
    if (typeof named === "object" && named !== null && !Array.isArray(named)) {
      for (const pattern of Object.keys(named)) check(file, `${at}/patternProperties/${escapePointer(pattern)}`, pattern);
    }
  }
}

function check(file: string, pointer: string, pattern: string): void {
  if (!compiles(pattern)) return; // Ajv reports an invalid pattern with its own message
  const verdict = backtracksExponentially(pattern);
  if (verdict === false) return;
  if (verdict !== true) {
    throw new SchemaError(file, pointer, `pattern ${JSON.stringify(pattern)} is too complex for kata to check for exponential backtracking. Split it into simpler patterns (allOf), or shorten it.`);
  }
  throw new SchemaError(
    file,
    pointer,
    `pattern ${JSON.stringify(pattern)} can backtrack exponentially: part of it can match the same text in more than one way inside a repetition ` +
      `(as in (a+)+, (a|a)* or (\\w+\\s?)*), so a string that almost matches holds the function until its timeout. ` +
      `Rewrite it so that each character can be matched one way only, e.g. ^(a+)+$ as ^a+$, or (\\w+\\s?)* as \\w+(\\s\\w+)*.`,
  );
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}
