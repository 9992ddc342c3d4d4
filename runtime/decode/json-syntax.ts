/**
 * Where JSON text first goes wrong. V8's `JSON.parse` message names the position only for some
 * errors, and its wording changes between Node versions; this scanner runs only after a parse has
 * failed, so that every malformed-JSON error can say the line and column. It keeps the open
 * arrays and objects on a stack of its own, not the call stack: 100k unclosed `[` still give
 * a position.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const closers: string[] = [];
  const ws = (): void => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) return false;
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) return false;
      }
      i++;
    }
    if (i >= text.length) return false;
    i++;
    return true;
  };
  const literal = (word: string): boolean => {
    if (!text.startsWith(word, i)) return false;
    i += word.length;
    return true;
  };
  const number = (): boolean => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "" || match[0] === "-") return false;
    i += match[0].length;
    return true;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    return number();
  };
  /** A member's `"name":`, leaving `i` at its value. */
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !string()) return false;
    ws();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  for (;;) {
    // A value is expected at i.
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      i++;
      ws();
      const closer = c === "{" ? "}" : "]";
      if (text[i] !== closer) {
        if (c === "{" && !key()) return i;
        closers.push(closer);
        continue;
      }
      i++;
    } else if (!scalar()) return i;
    // A value ended: close what it ends, or go on to the next element.
    for (;;) {
      ws();
      const closer = closers.at(-1);
      if (closer === undefined) return i < text.length ? i : -1;
      if (text[i] === closer) {
        i++;
        closers.pop();
        continue;
      }
      if (text[i] !== ",") return i;
      i++;
      if (closer === "}" && !key()) return i;
      break;
    }
  }
}
