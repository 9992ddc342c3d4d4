import { readFileSync } from "node:fs";
import { CommandError } from "./command-error.js";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/**
 * Reads a dotenv file: `KEY=value` lines, `export KEY=value`, `#` comments (whole lines, or after
 * a space in an unquoted value), `'literal'` and `"escaped\n"` values. A line it cannot read is an
 * error naming file and line, so a typo never silently drops a variable.
 */
export function readDotenv(path: string, shown: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CommandError(`cannot read --env-file ${shown}: ${(error as Error).message}`);
  }
  return parseDotenv(text, shown);
}

export function parseDotenv(text: string, shown: string): Record<string, string> {
  const variables: Record<string, string> = {};
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const match = LINE.exec(line);
    if (match === null) throw new CommandError(`${shown}:${index + 1}: expected KEY=value, got ${JSON.stringify(line.trim())}`);
    const [, key, raw] = match as unknown as [string, string, string];
    variables[key] = valueOf(raw, `${shown}:${index + 1}`);
  });
  return variables;
}

function valueOf(raw: string, where: string): string {
  const quote = raw[0];
  if (quote !== '"' && quote !== "'") return raw.replace(/\s+#.*$/, "");
  const end = closingQuote(raw, quote);
  if (end < 0) throw new CommandError(`${where}: the value opens with ${quote} but never closes it (values span one line)`);
  if (!/^\s*(#.*)?$/.test(raw.slice(end + 1))) throw new CommandError(`${where}: unexpected text after the closing ${quote}: ${raw.slice(end + 1).trim()}`);
  const inner = raw.slice(1, end);
  return quote === "'" ? inner : inner.replace(/\\(.)/g, (all, c: string) => ESCAPES[c] ?? all);
}

function closingQuote(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (quote === '"' && raw[i] === "\\") i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}
