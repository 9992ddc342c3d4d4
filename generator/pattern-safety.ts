import { overlaps, parseRegex, type CharSet, type RegexNode } from "./regex-ast.js";

/**
 * Whether a `pattern` can backtrack exponentially in a backtracking engine such as V8's: true when
 * some text can be matched from one point of the pattern back to that same point along two
 * different paths (`(a+)+`, `(a|a)*`, `(a+b?)+`). A string that almost matches then makes the
 * engine try every combination of those paths: 2^n for n repetitions, which holds a decoder until
 * the function's timeout. Patterns that are only slow on long input (polynomial, like `a*a*b`) pass.
 *
 * The check is the classic one on a position automaton (Glushkov): the pattern has exponential
 * ambiguity exactly when, in the product of the automaton with itself, one strongly connected
 * component holds both a pair of equal states and a pair of different ones.
 */
export function backtracksExponentially(pattern: string): boolean | "too complex to check" {
  const automaton = positionAutomaton(parseRegex(pattern));
  // Without a loop every path is as long as the text it reads: nothing to try twice over and over.
  return automaton.loops && hasExponentialAmbiguity(automaton);
}

interface Automaton {
  /** The character set of each position; position 0 is the start and reads nothing. */
  sets: CharSet[];
  /**
   * follow[p]: the positions that may come after p (for 0: the first positions), each with the
   * number of ways the pattern leads there: `(a*)*` goes from `a` to `a` by the inner and by the
   * outer loop, two paths that a backtracking engine both tries.
   */
  follow: Map<number, number>[];
  /** Whether any repetition can go round more than once. */
  loops: boolean;
}

/** Repeats with large bounds are analysed as their first two copies plus a loop: enough to see their ambiguity. */
const COPIES = 2;

function positionAutomaton(root: RegexNode): Automaton {
  const sets: CharSet[] = [[]];
  let loops = false;
  const follow: Map<number, number>[] = [new Map()];
  const link = (from: Set<number>, to: Set<number>) => {
    for (const p of from) for (const q of to) follow[p]!.set(q, (follow[p]!.get(q) ?? 0) + 1);
  };
  interface Part {
    nullable: boolean;
    first: Set<number>;
    last: Set<number>;
  }
  const empty = (): Part => ({ nullable: true, first: new Set(), last: new Set() });
  const concat = (a: Part, b: Part): Part => {
    link(a.last, b.first);
    return {
      nullable: a.nullable && b.nullable,
      first: a.nullable ? new Set([...a.first, ...b.first]) : a.first,
      last: b.nullable ? new Set([...a.last, ...b.last]) : b.last,
    };
  };
  const build = (node: RegexNode): Part => {
    switch (node.kind) {
      case "empty":
        return empty();
      case "chars": {
        if (node.set.length === 0) return { nullable: false, first: new Set(), last: new Set() };
        const position = sets.push(node.set) - 1;
        follow.push(new Map());
        return { nullable: false, first: new Set([position]), last: new Set([position]) };
      }
      case "sequence":
        return node.items.reduce((part, item) => concat(part, build(item)), empty());
      case "alternation": {
        const parts = node.branches.map(build);
        return { nullable: parts.some((p) => p.nullable), first: union(parts.map((p) => p.first)), last: union(parts.map((p) => p.last)) };
      }
      case "repeat": {
        const required = Math.min(node.min, COPIES);
        let part = empty();
        for (let k = 0; k < required; k++) part = concat(part, build(node.body));
        if (node.max <= required) return part;
        // The rest: optional copies up to the bound, or a loop when unbounded (or larger than COPIES allows).
        if (node.max - required === 1) return concat(part, optional(build(node.body)));
        const loop = build(node.body);
        link(loop.last, loop.first);
        loops = true;
        return concat(part, optional(loop));
      }
    }
  };
  const optional = (part: Part): Part => ({ ...part, nullable: true });
  const whole = build(root);
  link(new Set([0]), whole.first);
  return { sets, follow, loops };
}

function union(sets: Set<number>[]): Set<number> {
  return new Set(sets.flatMap((set) => [...set]));
}

/** Steps of the product's construction at most (well under a second): a larger product is refused as unchecked. */
const MAX_STEPS = 500_000;

function hasExponentialAmbiguity({ sets, follow }: Automaton): boolean | "too complex to check" {
  const n = sets.length;
  const key = (p: number, q: number) => p * n + q;
  // Pairs reachable from (start, start) reading the same text on both sides.
  const edges = new Map<number, number[]>();
  /** Product edges that stand for more than one pair of paths, as `from * n * n + to`. */
  const parallel = new Set<number>();
  const pending = [key(0, 0)];
  edges.set(key(0, 0), []);
  let steps = 0;
  while (pending.length > 0) {
    const pair = pending.pop()!;
    const p = Math.floor(pair / n);
    const q = pair % n;
    const out = edges.get(pair)!;
    for (const [p2, pWays] of follow[p]!) {
      for (const [q2, qWays] of follow[q]!) {
        if (++steps > MAX_STEPS) return "too complex to check";
        if (!overlaps(sets[p2]!, sets[q2]!)) continue;
        const next = key(p2, q2);
        out.push(next);
        if (pWays * qWays > 1) parallel.add(pair * n * n + next);
        if (!edges.has(next)) {
          edges.set(next, []);
          pending.push(next);
        }
      }
    }
  }
  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    // Two ways around one cycle: through a pair of different states, or along a doubled edge.
    for (const pair of component) {
      for (const next of edges.get(pair)!) if (members.has(next) && parallel.has(pair * n * n + next)) return true;
    }
    if (component.length < 2) continue;
    const diagonal = component.some((pair) => Math.floor(pair / n) === pair % n);
    const apart = component.some((pair) => Math.floor(pair / n) !== pair % n);
    if (diagonal && apart) return true;
  }
  return false;
}

/** Tarjan's algorithm, iterative (a long pattern must not exhaust the stack). */
function stronglyConnected(edges: Map<number, number[]>): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, child] = frame;
      if (child === 0) {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = edges.get(node)!;
      if (child < targets.length) {
        frame[1]++;
        const next = targets[child]!;
        if (!index.has(next)) work.push([next, 0]);
        else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
