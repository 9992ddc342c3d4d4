import { performance } from "node:perf_hooks";
import { median, summarize } from "./stats.mjs";

/*
 * Each implementation gets its own compiled loop: a loop shared by all of them would see several
 * call targets and become megamorphic, which taxes whichever implementation runs in it.
 */
function loopFor(fn) {
  return new Function("fn", "input", "n", "let last; for (let i = 0; i < n; i++) last = fn(input); return last;").bind(null, fn);
}

function timeLoop(loop, input, n, clock = "wall") {
  if (clock === "cpu") {
    // CPU time of this process (all its threads, GC included): what a neighbour's load cannot stretch.
    const start = process.cpuUsage();
    loop(input, n);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }
  const start = performance.now();
  loop(input, n);
  return performance.now() - start;
}

/** How many operations fill one sample of about `sampleMs`. */
function calibrate(loop, input, sampleMs, clock) {
  let n = 1;
  for (;;) {
    const elapsed = timeLoop(loop, input, n, clock);
    if (elapsed >= sampleMs / 4 || n >= 2 ** 30) return Math.max(1, Math.round((n * sampleMs) / Math.max(elapsed, 1e-3)));
    n *= elapsed < sampleMs / 100 ? 10 : 2;
  }
}

/**
 * Runs implementations A B C ... one after another in each round, starting each round one place
 * further along, so drift on a shared machine (thermal, a neighbour's load) hits all of them alike.
 * Each sample times `n` operations sized to `sampleMs`; the figure is the median per-op time. Ratios
 * to `baseline` are taken within each round, then median'd, which cancels slow rounds.
 *
 * `clock: "cpu"` times the process's CPU time instead of the wall clock, for a machine shared
 * with other work (its resolution is coarser: keep `sampleMs` at 20 or more).
 *
 * @param implementations `{ name, fn, input, baseline? }[]`: `fn(input)` is one operation;
 *   `baseline` overrides the options' baseline for this implementation's ratio.
 * @returns `{ results: { [name]: { perOpNs, ratio?, n } }, samples: Map<name, ns[]> }`; samples are
 *   per round, so any two implementations can be compared with `roundRatio`.
 */
export function runAlternating(implementations, { rounds = 15, sampleMs = 30, warmupMs = 250, baseline, clock = "wall" } = {}) {
  const runners = implementations.map((impl) => ({ ...impl, loop: loopFor(impl.fn) }));
  for (const r of runners) {
    const deadline = performance.now() + warmupMs;
    while (performance.now() < deadline) timeLoop(r.loop, r.input, 16);
    r.n = calibrate(r.loop, r.input, sampleMs, clock);
  }
  const samples = new Map(runners.map((r) => [r.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const r = runners[(round + k) % runners.length];
      samples.get(r.name).push((timeLoop(r.loop, r.input, r.n, clock) * 1e6) / r.n);
    }
  }
  const results = {};
  for (const r of runners) {
    results[r.name] = { perOpNs: summarize(samples.get(r.name)), n: r.n };
    const base = r.baseline ?? baseline;
    if (base !== undefined) results[r.name].ratio = roundRatio(samples, r.name, base);
  }
  return { results, samples };
}

/** Median over rounds of `a / b`, both timed in the same round. */
export function roundRatio(samples, a, b) {
  const over = samples.get(b);
  return Number(median(samples.get(a).map((ns, round) => ns / over[round])).toFixed(3));
}
