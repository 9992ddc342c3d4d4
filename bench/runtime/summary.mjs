import { median, summarize } from "../lib/stats.mjs";

/** `{ field: number[] }` → `{ field: { median, p25, p75, samples } }`. */
export function summarizeFields(fields, digits = 2) {
  return Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, summarize(values, digits)]));
}

/** Median of `a[i] / b[i]`: both measured in the same round, so a slow round cancels out. */
export function pairedRatio(a, b) {
  return Number(median(a.map((value, i) => value / b[i])).toFixed(3));
}
