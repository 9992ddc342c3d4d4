/*
 * One fresh process of the cold-start measurement: `node bench/decode/cold-child.mjs <subject>`.
 * Prints `{ importMs, prepareMs?, firstDecodeMs? }` as JSON; the parent adds the process wall time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../lib/ensure-deps.mjs";

const fromRoot = (file) => pathToFileURL(join(projectRoot, file)).href;
const sqsText = () => JSON.stringify(JSON.parse(readFileSync(join(projectRoot, "test/fixtures/events/sqs/ten-records.json"), "utf8")));
const POWERTOOLS_SOURCES = ["alb", "api-gateway", "api-gatewayv2", "eventbridge", "sqs"];

async function timed(load) {
  const start = performance.now();
  const value = await load();
  return { value, ms: performance.now() - start };
}

/** Each subject loads what a function would load, then (for typed ones) decodes the 10-record SQS batch once. */
const subjects = {
  "kata-builtin": async () => ({ importMs: (await timed(() => import(fromRoot("dist/generated/index.js")))).ms }),
  "powertools-schemas-all": async () => ({ importMs: (await timed(() => import("@aws-lambda-powertools/parser/schemas"))).ms }),
  "powertools-schemas-5": async () => ({
    importMs: (await timed(() => Promise.all(POWERTOOLS_SOURCES.map((s) => import(`@aws-lambda-powertools/parser/schemas/${s}`))))).ms,
  }),
  "ajv-builtin": async () => {
    const { value: Ajv, ms: importMs } = await timed(async () => {
      const [ajv, formats] = await Promise.all([import("ajv"), import("ajv-formats")]);
      return { Ajv: ajv.default, addFormats: formats.default };
    });
    const start = performance.now();
    const ajv = new Ajv.Ajv({ allErrors: true, strict: false });
    Ajv.addFormats(ajv);
    for (const s of ["alb", "apigw-v1", "apigw-v2", "eventbridge", "sqs"]) ajv.compile(JSON.parse(readFileSync(join(projectRoot, `schemas/${s}.schema.json`), "utf8")));
    return { importMs, prepareMs: performance.now() - start };
  },
  "json-typed": async () => firstDecode({ decoders: (await import("./peers/json-parse.mjs")).jsonParse, importMs: 0 }),
  "kata-typed": async () => {
    const { value, ms } = await timed(() => import(fromRoot("dist/test/generated/order-message.js")));
    return firstDecode({ decoders: { "sqs-10": value.decodeOrderMessageEvent }, importMs: ms });
  },
  "powertools-typed": async () => {
    const { value, ms } = await timed(() => import("./peers/powertools.mjs"));
    return firstDecode({ decoders: value.powertools, importMs: ms });
  },
  "ajv-typed": async () => {
    const { value, ms } = await timed(() => import("./peers/ajv.mjs"));
    const { decoders, compileMs } = value.compileAjv();
    return firstDecode({ decoders, importMs: ms, prepareMs: compileMs });
  },
  "guards-typed": async () => {
    const { value, ms } = await timed(() => import("./peers/guards.mjs"));
    return firstDecode({ decoders: value.guards, importMs: ms });
  },
};

function firstDecode({ decoders, ...timings }) {
  const text = sqsText();
  const start = performance.now();
  decoders["sqs-10"](text);
  return { ...timings, firstDecodeMs: performance.now() - start };
}

export const coldSubjects = Object.keys(subjects);

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const subject = subjects[process.argv[2]];
  if (!subject) throw new Error(`cold-child: unknown subject "${process.argv[2]}"; expected one of ${Object.keys(subjects).join(", ")}`);
  console.log(JSON.stringify(await subject()));
}
