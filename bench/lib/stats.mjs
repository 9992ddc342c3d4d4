/** Order statistics of timing samples. Medians, not means: a GC pause or a noisy neighbour skews a mean. */

export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export const median = (values) => quantile(values, 0.5);

/** Median and interquartile range, rounded for the results file. */
export function summarize(values, digits = 1) {
  const round = (x) => Number(x.toFixed(digits));
  return { median: round(median(values)), p25: round(quantile(values, 0.25)), p75: round(quantile(values, 0.75)), samples: values.length };
}
