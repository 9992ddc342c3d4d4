import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runAlternating } from "../../lib/alternate.mjs";
import { projectRoot } from "../../lib/ensure-deps.mjs";
import { formatDuration, formatRatio, formatTable } from "../../lib/table.mjs";
import { loadRealisticCases } from "./cases.mjs";
import { compileBuiltinDecoders } from "./without-fills.mjs";

/*
 * Realistic events, envelope decoders: kata and Powertools beside JSON.parse in one alternating
 * run, and kata without its fills, so that the cost of the tolerant reader on complete events shows.
 * Validation cost is what a peer takes above JSON.parse; both peers pay JSON.parse.
 */

/** Checks the peers first: all accept each event, kata returns it unchanged, all reject the broken copy. */
function verify(cases, peers) {
  const problems = [];
  for (const c of cases) {
    for (const [name, decoderOf] of Object.entries(peers)) {
      const decode = decoderOf(c);
      try {
        const value = decode(c.text);
        if (name.startsWith("kata") && !isDeepStrictEqual(value, JSON.parse(c.text))) problems.push(`${name} changed the complete ${c.id} event: a fill ran where nothing was missing`);
      } catch (error) {
        problems.push(`${name} rejects the valid ${c.id} event: ${error.message.slice(0, 300)}`);
      }
      let rejected = false;
      try {
        decode(c.broken);
      } catch {
        rejected = true;
      }
      if (!rejected) problems.push(`${name} accepts the broken ${c.id} event`);
    }
  }
  if (problems.length > 0) throw new Error(`bench: realistic events: the peers do not all do the same work:\n  ${problems.join("\n  ")}`);
}

export async function runRealistic({ rounds, only, clock = "cpu" }) {
  const events = await import(pathToFileURL(join(projectRoot, "dist/events.js")).href);
  const { parse } = await import("@aws-lambda-powertools/parser");
  const powertoolsSchemas = await import("@aws-lambda-powertools/parser/schemas");
  const withoutFills = await compileBuiltinDecoders({ fills: false, copy: "decode" });
  // Only for the validator-only comparison, so that both copies have run the same events.
  const fresh = { with: await compileBuiltinDecoders({ fills: true, copy: "alone" }), without: await compileBuiltinDecoders({ fills: false, copy: "alone" }) };
  const cases = loadRealisticCases().filter((c) => !only || only.includes(c.id));
  const peers = {
    kata: (c) => events[`decode${c.type}`],
    "kata-without-fills": (c) => withoutFills.decoders[c.type],
    powertools: (c) => {
      const schema = powertoolsSchemas[c.powertools];
      return (text) => parse(JSON.parse(text), undefined, schema);
    },
  };
  verify(cases, peers);

  const rows = [];
  for (const c of cases) {
    process.stdout.write(`  ${c.title} ... `);
    const run = runAlternating(
      [
        { name: "json", fn: JSON.parse, input: c.text },
        ...Object.entries(peers).map(([name, decoderOf]) => ({ name, fn: decoderOf(c), input: c.text })),
      ],
      { rounds, clock, baseline: "json" },
    );
    const r = run.results;
    // The validator alone on the parsed event (complete, so it is not changed), fresh copies with and
    // without fills: where the fills' cost would show without JSON.parse's noise around it.
    const parsed = JSON.parse(c.text);
    // Powertools on the same parsed event: validation with no JSON.parse around it, so a share of a
    // few percent is not lost in the noise of two end-to-end medians subtracted.
    const powertoolsSchema = powertoolsSchemas[c.powertools];
    const checks = runAlternating(
      [
        { name: "with-fills", fn: fresh.with.validators[c.type], input: parsed },
        { name: "without-fills", fn: fresh.without.validators[c.type], input: parsed },
        { name: "powertools", fn: (value) => parse(value, undefined, powertoolsSchema), input: parsed },
      ],
      { rounds, clock, baseline: "without-fills" },
    ).results;
    const extra = (name) => r[name].ratio - 1;
    const row = {
      id: c.id,
      title: c.title,
      bytes: c.text.length,
      json: r.json.perOpNs.median,
      kata: r.kata.perOpNs.median,
      kataRatio: r.kata.ratio,
      kataWithoutFillsRatio: r["kata-without-fills"].ratio,
      powertools: r.powertools.perOpNs.median,
      powertoolsRatio: r.powertools.ratio,
      // kata's cost above JSON.parse as a share of Powertools' cost above JSON.parse, end to end.
      validationShareOfPowertools: Number((Math.max(extra("kata"), 0) / extra("powertools")).toFixed(3)),
      // The same share measured directly: each validator alone on the parsed event.
      validationAloneShareOfPowertools: Number((checks["with-fills"].perOpNs.median / checks.powertools.perOpNs.median).toFixed(3)),
      powertoolsValidateNs: checks.powertools.perOpNs.median,
      validateNs: checks["with-fills"].perOpNs.median,
      validateWithoutFillsNs: checks["without-fills"].perOpNs.median,
      fillsOverhead: checks["with-fills"].ratio,
      figures: r,
    };
    rows.push(row);
    console.log(`kata ${row.kataRatio.toFixed(2)}× JSON.parse`);
  }
  return rows;
}

export function realisticTable(rows) {
  return formatTable(
    [
      { title: "event", key: "title" },
      { title: "bytes", key: "bytes", format: String },
      { title: "JSON.parse", key: "json", format: formatDuration },
      { title: "kata", key: "kata", format: formatDuration },
      { title: "kata ÷ JSON.parse", key: "kataRatio", format: formatRatio },
      { title: "without fills ÷ JSON.parse", key: "kataWithoutFillsRatio", format: formatRatio },
      { title: "Powertools", key: "powertools", format: formatDuration },
      { title: "Powertools ÷ JSON.parse", key: "powertoolsRatio", format: formatRatio },
      { title: "validation: kata ÷ Powertools", key: "validationShareOfPowertools", format: formatShare },
    ],
    rows,
  );
}

function formatShare(value) {
  return Number.isFinite(value) ? value.toFixed(3) : "";
}

/** The validator alone, with and without the tolerant reader's fills, on complete events. */
export function fillsTable(rows) {
  return formatTable(
    [
      { title: "event", key: "title" },
      { title: "validator with fills", key: "validateNs", format: formatDuration },
      { title: "without fills", key: "validateWithoutFillsNs", format: formatDuration },
      { title: "with ÷ without", key: "fillsOverhead", format: formatRatio },
      { title: "Powertools on the parsed event", key: "powertoolsValidateNs", format: formatDuration },
      { title: "validation alone: kata ÷ Powertools", key: "validationAloneShareOfPowertools", format: formatShare },
    ],
    rows,
  );
}
