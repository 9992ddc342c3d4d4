/**
 * A plain-text table for terminals and READMEs: columns are right-aligned when they hold numbers.
 * `columns` are `{ title, key, format? }`; rows are objects.
 */
export function formatTable(columns, rows) {
  const cells = rows.map((row) => columns.map((c) => (c.format ? c.format(row[c.key], row) : String(row[c.key] ?? ""))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
  const numeric = columns.map((_, i) => cells.every((r) => r[i] === "" || /^[-+\d.,×%x ]+(ns|µs|ms|s|×)?$/.test(r[i])));
  const pad = (text, i) => (numeric[i] ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (values) => `| ${values.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|")}|`;
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join("\n");
}

/** Nanoseconds in the unit a reader takes in at a glance. */
export function formatDuration(ns) {
  if (!Number.isFinite(ns)) return "";
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

export const formatRatio = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "");
