/**
 * docs/benchmarks.svg, drawn from bench/results/latest.json only (no hand editing): one panel of
 * horizontal bars per comparison. Plain SVG text, so that the README can show it and git can diff it.
 */
const WIDTH = 880;
const LABEL_RIGHT = 400;
const BAR_LEFT = 410;
const BAR_RIGHT = 770;
const ROW = 18;
const COLORS = { kata: "#2563eb", kataUnderRic: "#60a5fa", ric: "#d97706", powertools: "#dc2626", ajv: "#7c3aed", plain: "#9ca3af", bare: "#4b5563" };

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const text = (x, y, content, attributes = "") => `<text x="${x}" y="${y}" ${attributes}>${escape(content)}</text>`;

function colorOf(id) {
  if (id.startsWith("node-")) return COLORS.bare;
  if (id.startsWith("ric-kata")) return COLORS.kataUnderRic;
  if (id.startsWith("ric-powertools") || id === "powertools") return COLORS.powertools;
  if (id.startsWith("ric")) return COLORS.ric;
  if (id.startsWith("kata")) return COLORS.kata;
  return COLORS[id] ?? COLORS.plain;
}

/**
 * A panel: `rows` are `{ group }` headings or `{ label, value, inner?, color, note }` bars; `inner`
 * draws a darker bar inside (e.g. first /next within first response). `markers` are vertical lines.
 */
function panel({ title, subtitle, rows, markers = [] }, top) {
  const max = Math.max(...rows.filter((r) => r.value !== undefined).map((r) => r.value), ...markers.map((m) => m.at)) * 1.08;
  const x = (value) => BAR_LEFT + ((BAR_RIGHT - BAR_LEFT) * value) / max;
  const parts = [text(10, top + 16, title, 'class="title"'), text(10, top + 32, subtitle, 'class="sub"')];
  let y = top + 44;
  for (const row of rows) {
    if (row.group !== undefined) {
      parts.push(text(10, y + 13, row.group, 'class="group"'));
    } else {
      parts.push(text(LABEL_RIGHT, y + 13, row.label, 'text-anchor="end"'));
      parts.push(`<rect x="${BAR_LEFT}" y="${y + 3}" width="${(x(row.value) - BAR_LEFT).toFixed(1)}" height="${ROW - 6}" fill="${row.color}" opacity="${row.inner === undefined ? 1 : 0.45}"/>`);
      if (row.inner !== undefined) parts.push(`<rect x="${BAR_LEFT}" y="${y + 3}" width="${(x(row.inner) - BAR_LEFT).toFixed(1)}" height="${ROW - 6}" fill="${row.color}"/>`);
      parts.push(text(x(row.value) + 5, y + 13, row.note, 'class="value"'));
    }
    y += ROW;
  }
  for (const marker of markers) {
    parts.push(`<line x1="${x(marker.at).toFixed(1)}" y1="${top + 40}" x2="${x(marker.at).toFixed(1)}" y2="${y}" class="marker"/>`);
    parts.push(text(x(marker.at) + 3, top + 40, marker.label, 'class="sub"'));
  }
  return { svg: parts.join("\n"), bottom: y + 16 };
}

const ms = (value) => `${value.toFixed(1)} ms`;

function runtimePanel(runtime) {
  const rows = Object.values(runtime.steadyState).flatMap((scenario) => [
    { group: scenario.title },
    ...Object.entries(scenario.subjects).map(([id, s]) => ({ label: s.label, value: s.cpuUs.median, color: colorOf(id === "plain" ? "plain" : id), note: `${s.cpuUs.median.toFixed(1)} µs (${s.cpuOverBaseline.toFixed(2)}× RIC)` })),
  ]);
  return { title: "Runtime loop: client CPU per invocation (µs, lower is better)", subtitle: `Node ${runtime.node}; mock Runtime API in its own process; median of ${runtime.method.rounds} alternating rounds; ratio to the RIC taken per round`, rows };
}

function spawnPanel(spawn, title, subtitle) {
  const bare = Object.values(spawn.subjects).find((s) => s.bare === "exit")?.exitMs.median;
  const rows = Object.entries(spawn.subjects)
    .filter(([, s]) => s.bare !== "exit")
    .map(([id, s]) =>
      s.firstResponseMs === undefined
        ? { label: s.label, value: s.firstPollMs.median, color: colorOf(id), note: ms(s.firstPollMs.median) }
        : { label: s.label, value: s.firstResponseMs.median, inner: s.firstPollMs.median, color: colorOf(id), note: `${ms(s.firstPollMs.median)} / ${ms(s.firstResponseMs.median)}` },
    );
  return { title, subtitle, rows, markers: bare === undefined ? [] : [{ at: bare, label: `node -e 0: ${ms(bare)}` }] };
}

function decodePanel(decode) {
  const peers = [
    ["kata", "kata", "kataRatio"],
    ["powertools", "Powertools parser + Zod", undefined],
    ["ajv", "Ajv, compiled at run time", undefined],
    ["guards", "hand-written guards", undefined],
  ];
  const typed = decode.events.filter((event) => !event.id.endsWith("-envelope"));
  const rows = typed.flatMap((event) => [
    { group: event.title },
    ...peers.map(([key, label]) => {
      const value = event.figures[key].ratio;
      return { label, value, color: colorOf(key), note: `${value.toFixed(2)}×` };
    }),
  ]);
  return { title: "Decode: time ÷ JSON.parse alone (lower is better)", subtitle: "typed events, string input; per-round ratio, median; the target is kata ≤ 1.10×", rows, markers: [{ at: 1, label: "JSON.parse" }] };
}

/** The whole chart from a latest.json document. */
export function renderChart(latest) {
  const panels = [];
  if (latest.runtime) panels.push(runtimePanel(latest.runtime));
  if (latest.runtime) panels.push(spawnPanel(latest.runtime.spawn, "Spawn → first /next (dark) and → first response (light), trivial handler (ms)", `median of ${latest.runtime.method.spawnRuns} alternating runs; dashed: node -e 0 from spawn to exit`));
  if (latest.coldStart) panels.push(spawnPanel(latest.coldStart, "Cold start of a function importing every built-in decoder; first event a 10-record SQS batch (ms)", `first /next (dark), first response (light); median of ${latest.coldStart.method.runs} alternating runs`));
  if (latest.decode) panels.push(decodePanel(latest.decode));
  let top = 30;
  const drawn = [];
  for (const spec of panels) {
    const { svg, bottom } = panel(spec, top);
    drawn.push(svg);
    top = bottom;
  }
  const header = `kata benchmarks: ${latest.machine.cpuModel} × ${latest.machine.cpuCount}, Node ${latest.machine.node}, ${latest.date.slice(0, 10)} (bench/results/latest.json)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">
<style>
  .title { font-weight: 600; font-size: 14px; }
  .sub { fill: #6b7280; font-size: 11px; }
  .group { font-style: italic; fill: #374151; }
  .value { fill: #111827; font-size: 11px; }
  .marker { stroke: #111827; stroke-dasharray: 3 3; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
${text(10, 18, header, 'class="sub"')}
${drawn.join("\n")}
</svg>
`;
}
