import { formatRatio, formatTable } from "../lib/table.mjs";

const fixed = (digits, unit = "") => (summary) => (summary ? `${summary.median.toFixed(digits)}${unit}` : "");
const us = fixed(1, " µs");
const ms = fixed(1, " ms");
const msFine = fixed(2, " ms");

/** Steady state: one row per scenario and loop. `baselineLabel` names the loop the ratio divides by. */
export function steadyStateTable(steadyState) {
  const rows = Object.values(steadyState).flatMap((scenario) =>
    Object.values(scenario.subjects).map((subject) => ({ scenario: scenario.title, ...subject, baselineLabel: scenario.subjects[scenario.baseline].label })),
  );
  return formatTable(
    [
      { title: "scenario", key: "scenario" },
      { title: "loop", key: "label" },
      { title: "client CPU / invocation", key: "cpuUs", format: us },
      { title: "CPU ÷ RIC (same round)", key: "cpuOverBaseline", format: formatRatio },
      { title: "invocations/s", key: "perSecond", format: fixed(0) },
      { title: "p50 latency", key: "p50Ms", format: msFine },
      { title: "p99 latency", key: "p99Ms", format: msFine },
      { title: "RSS", key: "rssMiB", format: fixed(1, " MiB") },
    ],
    rows,
  );
}

/** Fresh processes: spawn → first GET /next and → first response, against bare `node -e 0`. */
export function spawnTable(spawn) {
  const bare = Object.values(spawn.subjects).find((subject) => subject.bare === "exit")?.exitMs?.median ?? Number.NaN;
  const rows = Object.values(spawn.subjects).map((subject) => ({
    ...subject,
    firstPollMs: subject.firstPollMs ?? subject.exitMs,
    overBare: subject.firstPollMs ? subject.firstPollMs.median - bare : Number.NaN,
  }));
  return formatTable(
    [
      { title: "process", key: "label" },
      { title: "spawn → first /next", key: "firstPollMs", format: ms },
      { title: "over node -e 0", key: "overBare", format: (v) => (Number.isFinite(v) ? `${v >= 0 ? "+" : ""}${v.toFixed(1)} ms` : "") },
      { title: "spawn → first response", key: "firstResponseMs", format: ms },
      { title: "first /next ÷ RIC (same run)", key: "firstPollOverBaseline", format: formatRatio },
    ],
    rows,
  );
}

export function runtimeTables(figures) {
  return [
    `Steady state, node ${figures.node}: medians of ${figures.method.rounds} rounds`,
    steadyStateTable(figures.steadyState),
    `Spawn → first /next, trivial handler: medians of ${figures.method.spawnRuns} runs`,
    spawnTable(figures.spawn),
  ].join("\n\n");
}
