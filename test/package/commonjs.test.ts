import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { projectRoot } from "../support/fixtures.js";

/* kata ships ESM only; CommonJS callers load it through require(esm) (Node >= 20.19, 22.12). */
test("CommonJS code can require kata, kata/events, kata/events/<source>, kata/decode and kata/http", () => {
  const script = `
    const kata = require("kata");
    const events = require("kata/events");
    const sqs = require("kata/events/sqs");
    const kinesis = require("kata/events/kinesis");
    const decode = require("kata/decode");
    const http = require("kata/http");
    const fs = require("node:fs");
    const text = fs.readFileSync("test/fixtures/events/sqs/base.json", "utf8");
    const stream = fs.readFileSync("test/fixtures/events/kinesis/base.json", "utf8");
    let error;
    try { events.decodeSQSEvent("{}"); } catch (e) { error = e; }
    console.log(JSON.stringify({
      start: typeof kata.start,
      routeEvents: typeof kata.routeEvents,
      records: sqs.decodeSQSEvent(text).Records.length,
      kinesisRecords: kinesis.decodeKinesisStreamEvent(stream).Records.length,
      onSQS: typeof events.onSQS,
      decodeError: error instanceof decode.DecodeError && error instanceof kata.DecodeError,
      pointer: error && error.issues[0].path,
      http: typeof http.http,
    }));
  `;
  const output = execFileSync(process.execPath, ["--no-warnings", "-e", script], { cwd: projectRoot, encoding: "utf8" });
  assert.deepEqual(JSON.parse(output), {
    start: "function",
    routeEvents: "function",
    records: 2,
    kinesisRecords: 2,
    onSQS: "function",
    decodeError: true,
    pointer: "/Records",
    http: "function",
  });
});
