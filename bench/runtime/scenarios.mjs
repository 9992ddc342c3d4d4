import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../lib/ensure-deps.mjs";

const TRIVIAL_EVENT = JSON.stringify({ hello: "world" });
const SQS_EVENT = JSON.stringify(JSON.parse(readFileSync(join(projectRoot, "test/fixtures/events/sqs/ten-records.json"), "utf8")));
const ALL_DONE = { batchItemFailures: [] };

/**
 * The steady-state comparisons. Each subject is a loop (loops.mjs) with a handler module from
 * handlers/; `compare` names the pair whose client CPU ratio is a target. `scale` shrinks the
 * invocation counts where each invocation takes milliseconds.
 */
export const SCENARIOS = {
  trivial: {
    title: "trivial handler",
    event: TRIVIAL_EVENT,
    expected: { ok: true },
    subjects: {
      kata: { label: "kata", loop: "kata", handler: "trivial.handler" },
      ric: { label: "aws-lambda-ric", loop: "ric", handler: "trivial.handler" },
      plain: { label: "plain node:http", loop: "plain", handler: "trivial.handler" },
    },
    compare: ["kata", "ric"],
  },
  sqs: {
    title: "SQS batch, 10 records, OrderMessage bodies",
    event: SQS_EVENT,
    expected: ALL_DONE,
    subjects: {
      kata: { label: "kata, decoded by onOrderMessage", loop: "kata", handler: "sqs-kata.handler" },
      "ric-powertools": { label: "aws-lambda-ric + Powertools parser", loop: "ric", handler: "sqs-powertools.handler" },
      "ric-json": { label: "aws-lambda-ric, JSON.parse only", loop: "ric", handler: "sqs-json.handler" },
      plain: { label: "plain node:http, JSON.parse only", loop: "plain", handler: "sqs-json.handler" },
    },
    compare: ["kata", "ric-powertools"],
  },
  concurrent: {
    title: "AWS_LAMBDA_MAX_CONCURRENCY=8, handler awaits 5 ms",
    event: TRIVIAL_EVENT,
    expected: { ok: true },
    concurrency: 8,
    scale: 0.25,
    env: { AWS_LAMBDA_MAX_CONCURRENCY: "8" },
    subjects: {
      kata: { label: "kata, 8 concurrent", loop: "kata", handler: "io-5ms.handler" },
      // The RIC's native client is one static connection per process: in multi-concurrency mode a
      // worker's synchronous POST waits on the connection another worker's long-poll holds, and the
      // process stalls after its first invocation. Its own switch to a node:http /next avoids that.
      ric: { label: "aws-lambda-ric, multi-concurrency mode", loop: "ric", handler: "io-5ms.handler", env: { AWS_LAMBDA_NODEJS_USE_ALTERNATIVE_CLIENT_1: "true" } },
      plain: { label: "plain node:http, 8 loops", loop: "plain", handler: "io-5ms.handler" },
    },
    compare: ["kata", "ric"],
  },
};

/** Spawn → first /next with the trivial handler; `node -e 0` (spawn → exit) is the floor. */
export const SPAWN_SUBJECTS = {
  "node-bare": { label: "node -e 0 (spawn to exit)", bare: "exit" },
  "node-poll": { label: "node -e: one socket, GET /next (the floor)", bare: "poll" },
  kata: { label: "kata", loop: "kata", handler: "trivial.handler" },
  "kata-esm": { label: "kata, ES module build (dist/runtime/bin.js)", loop: "kata-esm", handler: "trivial.handler" },
  ric: { label: "aws-lambda-ric", loop: "ric", handler: "trivial.handler" },
  plain: { label: "plain node:http", loop: "plain", handler: "trivial.handler" },
};

export const SPAWN_EVENT = { event: TRIVIAL_EVENT, expected: { ok: true } };
