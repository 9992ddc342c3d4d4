import { formatDuration, formatRatio, formatTable } from "../lib/table.mjs";

const ns = (results, name) => results[name]?.perOpNs.median;

/** Per-op medians from a string input, each peer beside kata. */
export function speedTable(rows) {
  return formatTable(
    [
      { title: "event", key: "title" },
      { title: "JSON.parse", key: "json", format: formatDuration },
      { title: "kata", key: "kata", format: formatDuration },
      { title: "kata ÷ JSON.parse", key: "kataRatio", format: formatRatio },
      { title: "Powertools+Zod", key: "powertools", format: formatDuration },
      { title: "Powertools ÷ kata", key: "powertoolsOverKata", format: formatRatio },
      { title: "Ajv (run-time compiled)", key: "ajv", format: formatDuration },
      { title: "hand-written guards", key: "guards", format: formatDuration },
    ],
    rows,
  );
}

/** The same decode from bytes (the Runtime API's body before text decoding). */
export function bytesTable(rows) {
  return formatTable(
    [
      { title: "event", key: "title" },
      { title: "JSON.parse(TextDecoder)", key: "jsonBytes", format: formatDuration },
      { title: "kata (Uint8Array)", key: "kataBytes", format: formatDuration },
      { title: "kata ÷ JSON.parse", key: "kataBytesRatio", format: formatRatio },
    ],
    rows,
  );
}

export function rowFor(testCase, { results, ratios }) {
  return {
    id: testCase.id,
    title: testCase.title,
    json: ns(results, "json"),
    kata: ns(results, "kata"),
    kataRatio: results.kata.ratio,
    powertools: ns(results, "powertools"),
    powertoolsOverKata: ratios.powertoolsOverKata,
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
