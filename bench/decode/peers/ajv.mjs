import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { projectRoot } from "../../lib/ensure-deps.mjs";
import { composeDecoders } from "./compose.mjs";

/*
 * Ajv the usual way: schemas compiled when the function starts (a cost every cold start pays),
 * with ajv-formats. It compiles the same JSON Schemas kata generates from (kata's built-in event
 * schemas and the test config's payload schemas) with kata's `allErrors`, so the difference to
 * kata is compiled-at-start versus compiled-ahead, not the rules. `strict: false` only lets Ajv
 * ignore kata's typing keywords (tsType, x-kata-*); it changes no emitted check.
 */
const readSchema = (path) => JSON.parse(readFileSync(join(projectRoot, path), "utf8"));
const builtin = (source) => readSchema(`schemas/${source}.schema.json`);
const payload = (name) => ({ ...readSchema(`test/fixtures/config/schemas/${name}.json`), $id: `https://bench.local/schemas/${name}.json` });

export class AjvDecodeError extends Error {
  constructor(typeName, errors) {
    super(`${typeName}: ${errors.map((e) => `${e.instancePath} ${e.message}`).join("; ")}`);
    this.name = "AjvDecodeError";
  }
}

/** Compiles every validator the benchmark needs; returns the decoders and the compile time. */
export function compileAjv() {
  const start = performance.now();
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const name of ["common", "order", "order-placed", "create-order", "create-order-query", "tenant-path"]) ajv.addSchema(payload(name));
  const sqs = ajv.compile(builtin("sqs"));
  const eventBridge = ajv.compile(builtin("eventbridge"));
  const apiV1 = ajv.compile(builtin("apigw-v1"));
  const apiV2 = ajv.compile(builtin("apigw-v2"));
  const orderMessage = ajv.getSchema("https://bench.local/schemas/order.json");
  const createOrder = ajv.getSchema("https://bench.local/schemas/create-order.json");
  const createOrderQuery = ajv.getSchema("https://bench.local/schemas/create-order-query.json");
  const tenantPath = ajv.getSchema("https://bench.local/schemas/tenant-path.json");
  const orderPlacedEvent = ajv.compile({
    allOf: [{ $ref: "https://kata.dev/schemas/eventbridge.schema.json" }],
    properties: {
      "detail-type": { const: "Order Placed" },
      source: { const: "com.example.orders" },
      detail: { $ref: "https://bench.local/schemas/order-placed.json" },
    },
  });
  const compileMs = performance.now() - start;

  const checks = { sqs, orderMessage, eventBridge, orderPlacedEvent, apiV1, apiV2, createOrder, createOrderQuery, tenantPath };
  const decoders = composeDecoders(checks, (typeName, validate) => new AjvDecodeError(typeName, validate.errors));
  return { decoders, compileMs };
}
