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

/**
 * `{ decoders, validators }` by type name, compiled now into `bench/.cache/` (the generator needs
 * kata's build): without fills, or (`fills: true`) with them, as `generated/` has them. Each
 * `copy` is its own module: a validator that ran other events (the shipped ones ran the other
 * benchmark events, a decode peer ran broken ones) has been tuned by V8 to more shapes, so a fair
 * comparison takes copies that have run nothing else.
 */
export async function compileBuiltinDecoders({ fills, copy }) {
  const load = (file) => import(pathToFileURL(join(projectRoot, file)).href);
  const { emitValidators } = await load("dist/generator/emit-validators.js");
  const { decodeWith } = await load("dist/runtime/decode/index.js");
  const runtime = pathToFileURL(join(projectRoot, "dist/runtime/decode/index.js")).href;
  const dir = join(projectRoot, "bench", ".cache");
  mkdirSync(dir, { recursive: true });
  const decoders = {};
  const validators = {};
  for (const [source, typeName] of Object.entries(SOURCES)) {
    const original = JSON.parse(readFileSync(join(projectRoot, "schemas", `${source}.schema.json`), "utf8"));
    const schema = fills ? original : withoutFills(original);
    const code = emitValidators([{ id: schema.$id, file: `${source}.schema.json`, schema }], { validate: schema.$id }, runtime, false);
    const file = join(dir, `${source}-${fills ? "with" : "without"}-fills-${copy}.mjs`);
    writeFileSync(file, code.replace(/^\/\/ @ts-nocheck.*\n/, ""));
    const { validate } = await import(pathToFileURL(file).href);
    decoders[typeName] = (input) => decodeWith(validate, typeName, input);
    validators[typeName] = validate;
  }
  return { decoders, validators };
}
