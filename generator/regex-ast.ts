/**
 * Just enough of a parser for JSON Schema `pattern`s (ECMAScript syntax, `u` flag, as Ajv compiles
 * them) to find exponential backtracking: characters become sets of code points, assertions and
 * lookarounds match nothing, and anything this parser does not know matches any character, which
 * can only make the check stricter.
 */
export type RegexNode =
  | { kind: "chars"; set: CharSet }
  | { kind: "empty" }
  | { kind: "sequence"; items: RegexNode[] }
  | { kind: "alternation"; branches: RegexNode[] }
  | { kind: "repeat"; body: RegexNode; min: number; max: number };

/** Sorted, disjoint, inclusive code point ranges. */
export type CharSet = [number, number][];

const MAX_CODE_POINT = 0x10ffff;
const ANY: CharSet = [[0, MAX_CODE_POINT]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: CharSet = normalize([[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const LINE_TERMINATORS: CharSet = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, f: 0x0c, "0": 0 };

export function parseRegex(pattern: string): RegexNode {
  const chars = Array.from(pattern); // code points, as the `u` flag reads them
  let i = 0;
  const peek = (): string | undefined => chars[i];

  const alternation = (): RegexNode => {
    const branches = [sequence()];
    while (peek() === "|") {
      i++;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: "alternation", branches };
  };
  const sequence = (): RegexNode => {
    const items: RegexNode[] = [];
    while (i < chars.length && peek() !== "|" && peek() !== ")") items.push(quantified(atom()));
    return { kind: "sequence", items };
  };
  const quantified = (body: RegexNode): RegexNode => {
    const c = peek();
    let bounds: [number, number] | undefined;
    if (c === "*") bounds = [0, Infinity];
    else if (c === "+") bounds = [1, Infinity];
    else if (c === "?") bounds = [0, 1];
    else if (c === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i, i + 24).join(""));
      if (match) {
        bounds = [Number(match[1]), match[2] === undefined ? Number(match[1]) : match[3] === "" ? Infinity : Number(match[3])];
        i += match[0].length - 1;
      }
    }
    if (bounds === undefined) return body;
    i++;
    if (peek() === "?") i++; // lazy: same paths, other order
    return quantified({ kind: "repeat", body, min: bounds[0], max: bounds[1] });
  };
  const atom = (): RegexNode => {
    const c = chars[i++]!;
    if (c === "(") {
      let lookaround = false;
      if (peek() === "?") {
        const kind = chars.slice(i, i + 3).join("");
        lookaround = /^\?(=|!|<=|<!)/.test(kind);
        i += kind.startsWith("?<") && !lookaround ? skipName(chars, i + 2) - i : /^\?(<=|<!)/.test(kind) ? 3 : 2;
      }
      const body = alternation();
      if (peek() === ")") i++;
      return lookaround ? { kind: "empty" } : body;
    }
    if (c === "^" || c === "$") return { kind: "empty" };
    if (c === ".") return { kind: "chars", set: complement(LINE_TERMINATORS) };
    if (c === "[") return { kind: "chars", set: charClass() };
    if (c === "\\") return escape(false);
    return { kind: "chars", set: single(c.codePointAt(0)!) };
  };
  const escape = (inClass: boolean): RegexNode => {
    const c = chars[i++];
    if (c === undefined) return { kind: "chars", set: ANY };
    const classes: Record<string, CharSet> = { d: DIGIT, D: complement(DIGIT), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE) };
    if (c in classes) return { kind: "chars", set: classes[c]! };
    if (!inClass && (c === "b" || c === "B")) return { kind: "empty" };
    if (inClass && c === "b") return { kind: "chars", set: single(0x08) };
    // A backreference matches text already matched: as an assertion it adds no character paths.
    if (!inClass && /[1-9]/.test(c)) {
      while (/\d/.test(peek() ?? "")) i++;
      return { kind: "empty" };
    }
    if (!inClass && c === "k" && peek() === "<") {
      i = skipName(chars, i + 1);
      return { kind: "empty" };
    }
    if (c === "p" || c === "P") {
      if (peek() === "{") i = skipName(chars, i + 1, "}");
      return { kind: "chars", set: ANY }; // a Unicode property: assume it may overlap anything
    }
    if (c in CONTROL_ESCAPES && !(c === "0" && /\d/.test(peek() ?? ""))) return { kind: "chars", set: single(CONTROL_ESCAPES[c]!) };
    if (c === "c" && /[A-Za-z]/.test(peek() ?? "")) return { kind: "chars", set: single(chars[i++]!.codePointAt(0)! % 32) };
    if (c === "x" || c === "u") {
      const text = chars.slice(i, i + 10).join("");
      const hex = c === "x" ? /^[0-9a-fA-F]{2}/.exec(text) : /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(text);
      if (hex) {
        i += Array.from(hex[0]).length;
        return { kind: "chars", set: single(Number.parseInt(hex[0].replace(/[{}]/g, ""), 16)) };
      }
    }
    return { kind: "chars", set: single(c.codePointAt(0)!) };
  };
  const charClass = (): CharSet => {
    const negated = peek() === "^";
    if (negated) i++;
    const ranges: CharSet = [];
    while (i < chars.length && peek() !== "]") {
      const from = classAtom();
      if (peek() === "-" && chars[i + 1] !== "]" && chars[i + 1] !== undefined && from.length === 1 && from[0]![0] === from[0]![1]) {
        i++;
        const to = classAtom();
        if (to.length === 1 && to[0]![0] === to[0]![1]) {
          ranges.push([from[0]![0], to[0]![0]]);
          continue;
        }
        ranges.push(...from, [0x2d, 0x2d], ...to);
        continue;
      }
      ranges.push(...from);
    }
    i++; // "]"
    const set = normalize(ranges);
    return negated ? complement(set) : set;
  };
  const classAtom = (): CharSet => {
    const c = chars[i++]!;
    if (c !== "\\") return single(c.codePointAt(0)!);
    const node = escape(true);
    return node.kind === "chars" ? node.set : ANY;
  };

  return alternation();
}

function skipName(chars: string[], from: number, end = ">"): number {
  let i = from;
  while (i < chars.length && chars[i] !== end) i++;
  return i + 1;
}

function single(code: number): CharSet {
  return [[code, code]];
}

function normalize(ranges: CharSet): CharSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: CharSet = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** True when some character is in both sets. */
export function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i]!;
    const [bLo, bHi] = b[j]!;
    if (aLo <= bHi && bLo <= aHi) return true;
    if (aHi < bHi) i++;
    else j++;
  }
  return false;
}
