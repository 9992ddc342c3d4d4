import { formatDuration, formatRatio, formatTable } from "../lib/table.mjs";

const ns = (results, name) => results[name]?.perOpNs.median;

/*
 * Every peer pays JSON.parse; what is left is the validation. Comparing those remainders says how
 * much cheaper kata's checks are, which the whole-decode ratio hides when parsing dominates. Built
 * from the per-round ratios to JSON.parse (steadier than medians on a busy machine); left out when
 * kata's remainder is within 2 % of JSON.parse, too small to divide by.
 */
function extraRatio(results, peer, over) {
  const extra = (name) => results[name].ratio - 1;
  return extra(over) >= 0.02 ? Number((extra(peer) / extra(over)).toFixed(2)) : Number.NaN;
}

/** Every column a table can show, by row key. */
const COLUMNS = {
  title: { title: "event" },
  json: { title: "JSON.parse", format: formatDuration },
  kata: { title: "kata", format: formatDuration },
  kataRatio: { title: "kata ÷ JSON.parse", format: formatRatio },
  powertools: { title: "Powertools+Zod", format: formatDuration },
  powertoolsOverKata: { title: "Powertools ÷ kata", format: formatRatio },
  powertoolsExtraOverKataExtra: { title: "validation only: Powertools ÷ kata", format: formatRatio },
  ajv: { title: "Ajv (run-time compiled)", format: formatDuration },
  guards: { title: "hand-written guards", format: formatDuration },
  jsonBytes: { title: "JSON.parse(TextDecoder)", format: formatDuration },
  kataBytes: { title: "kata (Uint8Array)", format: formatDuration },
  kataBytesRatio: { title: "kata ÷ JSON.parse", format: formatRatio },
};

const tableOf = (rows, keys) => formatTable(keys.map((key) => ({ key, ...COLUMNS[key] })), rows);

/** Per-op medians from a string input, each peer beside kata. */
export const speedTable = (rows) =>
  tableOf(rows, ["title", "json", "kata", "kataRatio", "powertools", "powertoolsOverKata", "powertoolsExtraOverKataExtra", "ajv", "guards"]);

/** The same decode from bytes (the Runtime API's body before text decoding). */
export const bytesTable = (rows) => tableOf(rows, ["title", "jsonBytes", "kataBytes", "kataBytesRatio"]);

export function rowFor(testCase, { results, ratios }) {
  return {
    id: testCase.id,
    title: testCase.title,
    json: ns(results, "json"),
    kata: ns(results, "kata"),
    kataRatio: results.kata.ratio,
    powertools: ns(results, "powertools"),
    powertoolsOverKata: ratios.powertoolsOverKata,
    powertoolsExtraOverKataExtra: extraRatio(results, "powertools", "kata"),
    ajv: ns(results, "ajv"),
    guards: ns(results, "guards"),
    jsonBytes: ns(results, "json-bytes"),
    kataBytes: ns(results, "kata-bytes"),
    kataBytesRatio: results["kata-bytes"].ratio,
  };
}

const ms = (summary) => (summary ? `${summary.median.toFixed(2)} ms` : "");

/** Fresh-process figures: loading the decoders, preparing them, the first decode, and the whole process. */
export function coldTable(cold, labels) {
  const rows = Object.entries(labels).map(([name, label]) => ({ label, ...cold[name] }));
  return formatTable(
    [
      { title: "fresh process", key: "label" },
      { title: "import", key: "importMs", format: ms },
      { title: "compile", key: "prepareMs", format: ms },
      { title: "first decode (SQS 10)", key: "firstDecodeMs", format: ms },
      { title: "process wall time", key: "wallMs", format: ms },
    ],
    rows,
  );
}
