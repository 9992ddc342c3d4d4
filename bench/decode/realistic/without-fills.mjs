import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../lib/ensure-deps.mjs";

/*
 * kata's built-in decoders as they were before the tolerant reader: the same generator, the same
 * schemas with every `default` and `x-kata-fill` taken out. Timed beside the real decoders on
 * events that carry every field, it shows what filling costs when there is nothing to fill.
 */

const SOURCES = { "apigw-v1": "APIGatewayProxyEvent", "apigw-v2": "APIGatewayProxyEventV2", alb: "ALBEvent", sqs: "SQSEvent", eventbridge: "EventBridgeEvent" };

function withoutFills(node) {
  if (Array.isArray(node)) return node.map(withoutFills);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "default" && key !== "x-kata-fill").map(([key, value]) => [key, withoutFills(value)]));
}

/** The built-in validator (what `decodeX` runs after JSON.parse) of each type, with its fills. */
export async function loadBuiltinValidators() {
  const validators = {};
  for (const [source, typeName] of Object.entries(SOURCES)) {
    const module = await import(pathToFileURL(join(projectRoot, "dist", "generated", `${source}.validators.js`)).href);
    validators[typeName] = module[`validate${typeName}`];
  }
  return validators;
}

/**
 * `{ decoders, validators }` by type name, without fills, compiled now into `bench/.cache/` (the
 * generator needs kata's build).
 */
export async function loadDecodersWithoutFills() {
  const load = (file) => import(pathToFileURL(join(projectRoot, file)).href);
  const { emitValidators } = await load("dist/generator/emit-validators.js");
  const { decodeWith } = await load("dist/runtime/decode/index.js");
  const runtime = pathToFileURL(join(projectRoot, "dist/runtime/decode/index.js")).href;
  const dir = join(projectRoot, "bench", ".cache");
  mkdirSync(dir, { recursive: true });
  const decoders = {};
  const validators = {};
  for (const [source, typeName] of Object.entries(SOURCES)) {
    const schema = withoutFills(JSON.parse(readFileSync(join(projectRoot, "schemas", `${source}.schema.json`), "utf8")));
    const code = emitValidators([{ id: schema.$id, file: `${source}.schema.json`, schema }], { validate: schema.$id }, runtime, false);
    const file = join(dir, `${source}-without-fills.mjs`);
    writeFileSync(file, code.replace(/^\/\/ @ts-nocheck.*\n/, ""));
    const { validate } = await import(pathToFileURL(file).href);
    decoders[typeName] = (input) => decodeWith(validate, typeName, input);
    validators[typeName] = validate;
  }
  return { decoders, validators };
}
