import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { spawnAgainstMock } from "./harness.js";

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
