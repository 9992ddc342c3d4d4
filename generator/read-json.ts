import { readFileSync } from "node:fs";
import { describeSyntaxError } from "../runtime/decode/index.js";
import type { GenerateError } from "./errors.js";

type ErrorClass = new (file: string, pointer: string | undefined, problem: string) => GenerateError;

/** Reads a JSON file; a missing or malformed file becomes `ErrorClass` naming `shownAs`. */
export function readJsonFile(path: string, shownAs: string, ErrorClass: ErrorClass): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : `cannot be read (${code})`;
    throw new ErrorClass(shownAs, undefined, `${why}. Check the path (relative paths start from the config file's folder).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ErrorClass(shownAs, undefined, `${describeSyntaxError(error, text)}. Fix the JSON syntax.`);
  }
}
