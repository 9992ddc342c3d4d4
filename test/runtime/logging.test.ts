import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { json, spawnAgainstMock } from "./harness.js";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function logsOf(env: Record<string, string>): Promise<string[]> {
  const runtime = await spawnAgainstMock(["esm/logs.handler"], env);
  await runtime.api.enqueue({ requestId: "log-1", body: {}, headers: { "Lambda-Runtime-Aws-Tenant-Id": "tenant-7" } });
  // Writes to a pipe are synchronous on Linux: every line is out once the response is posted.
  const exit = await runtime.end();
  return exit.stdout.split("\n").filter((line) => line !== "");
}

describe("console output in the managed runtime's formats", () => {
  it("writes text lines: timestamp, request id, level, message; newlines become \\r", async () => {
    const lines = await logsOf({});
    const fields = lines.map((line) => line.split("\t"));
    for (const [timestamp] of fields) assert.match(timestamp!, TIMESTAMP);
    assert.deepEqual(
      fields.map(([, requestId, level, message]) => [requestId, level, message]),
      [
        ["log-1", "TRACE", "trace line"],
        ["log-1", "DEBUG", "debug line"],
        ["log-1", "INFO", "info line"],
        ["log-1", "INFO", "log line { n: 1 }"],
        ["log-1", "WARN", "warn line"],
        ["log-1", "ERROR", fields[5]![3]],
        ["log-1", "INFO", "two\rlines"],
      ],
    );
    assert.match(fields[5]![3]!, /^error line TypeError: bad thing\r    at /);
  });

  it("writes JSON lines with AWS_LAMBDA_LOG_FORMAT=JSON, filtered by AWS_LAMBDA_LOG_LEVEL", async () => {
    const lines = (await logsOf({ AWS_LAMBDA_LOG_FORMAT: "JSON", AWS_LAMBDA_LOG_LEVEL: "WARN" })).map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.map((l) => [l.level, l.requestId, l.tenantId, l.message.split("\n")[0]]),
      [
        ["WARN", "log-1", "tenant-7", "warn line"],
        ["ERROR", "log-1", "tenant-7", "error line TypeError: bad thing"],
      ],
    );
    for (const line of lines) assert.match(line.timestamp, TIMESTAMP);
    assert.deepEqual(Object.keys(lines[0]), ["timestamp", "level", "requestId", "tenantId", "message"]);
    assert.equal(lines[1].errorType, "TypeError");
    assert.equal(lines[1].errorMessage, "bad thing");
    assert.match(lines[1].stackTrace[0], /^TypeError: bad thing/);
  });
});

describe("console output of values whose formatting throws", () => {
  async function hostileLogsOf(env: Record<string, string>): Promise<{ lines: string[]; kind: string; path: string | undefined; body: unknown }> {
    const runtime = await spawnAgainstMock(["esm/hostile-logs.handler"], env);
    const outcome = await runtime.api.enqueue({ requestId: "hostile-1", body: {} }).catch(async (error: unknown) => {
      await runtime.end();
      throw error;
    });
    const exit = await runtime.end();
    const [post] = runtime.api.postsFor("hostile-1");
    return { lines: exit.stdout.split("\n").filter((line) => line !== ""), kind: outcome.kind, path: post?.path, body: json(outcome.body) };
  }

  // util.format shows a Proxy without asking its traps; the JSON line checks `instanceof Error`, which does.
  for (const [format, env, messageOf, proxyLine] of [
    ["text", {}, (line: string) => line.split("\t")[3], "a proxy {}"],
    ["JSON", { AWS_LAMBDA_LOG_FORMAT: "JSON" }, (line: string) => JSON.parse(line).message, "(kata could not format this log call's arguments: prototype trap)"],
  ] as const) {
    it(`writes one ${format} line per call, naming what threw, and the handler answers`, async () => {
      const { lines, kind, path, body } = await hostileLogsOf(env);
      assert.deepEqual(lines.map(messageOf), [
        "(kata could not format this log call's arguments: inspect trap)",
        "(kata could not format this log call's arguments: inspect trap)",
        proxyLine,
        "after",
      ]);
      assert.equal(kind, "response");
      assert.equal(path, "/2018-06-01/runtime/invocation/hostile-1/response");
      assert.deepEqual(body, { ok: true });
    });
  }
});
