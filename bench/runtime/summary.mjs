import { median, quantile, summarize } from "../lib/stats.mjs";

/** `{ field: number[] }` → `{ field: { median, p25, p75, samples } }`. */
export function summarizeFields(fields, digits = 2) {
  return Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, summarize(values, digits)]));
}

/**
 * How a loop's start-up beyond the floor (a bare Node process that opens a socket and polls)
 * compares with another's: (a − floor) ÷ (b − floor), on the medians. The floor is Node's own
 * start, which no loop can go under; what is left is the loop's.
 */
export function beyondFloorRatio(a, b, floor) {
  const [ma, mb, mf] = [a, b, floor].map(median);
  return Number(((ma - mf) / (mb - mf)).toFixed(3));
}

/** Interquartile range of `a[i] / b[i]` over the rounds: how far single rounds moved the ratio. */
export function pairedRatioRange(a, b) {
  const ratios = a.map((value, i) => value / b[i]);
  return [quantile(ratios, 0.25), quantile(ratios, 0.75)].map((x) => Number(x.toFixed(3)));
}

/** Median of `a[i] / b[i]`: both measured in the same round, so a slow round cancels out. */
export function pairedRatio(a, b) {
  return Number(median(a.map((value, i) => value / b[i])).toFixed(3));
}
