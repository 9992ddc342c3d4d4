import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../lib/ensure-deps.mjs";

const load = (file) => import(pathToFileURL(join(projectRoot, file)).href);

/** kata's generated decoders: built-in envelopes from `dist/generated`, the test config's typed events from `dist/test/generated`. */
export async function loadKata() {
  const builtin = await load("dist/generated/index.js");
  const typed = await load("dist/test/generated/index.js");
  return {
    "sqs-10": typed.decodeOrderMessageEvent,
    eventbridge: typed.decodeOrderPlacedEvent,
    "apigw-v1": typed.decodeCreateOrderV1Event,
    "apigw-v2": typed.decodeCreateOrderEvent,
    "sqs-1mb": typed.decodeOrderMessageEvent,
    "sqs-10-envelope": builtin.decodeSQSEvent,
    "eventbridge-envelope": builtin.decodeEventBridgeEvent,
    "apigw-v1-envelope": builtin.decodeAPIGatewayProxyEvent,
    "apigw-v2-envelope": builtin.decodeAPIGatewayProxyEventV2,
  };
}
