import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { freePort, RunningCli } from "../cli/run-cli.js";
import { httpCall } from "../emulator/http-client.js";
import { writePlainRuntime } from "../emulator/plain-runtime.js";
import { withoutPeers } from "./support/peers.js";
import { Rie } from "./support/rie.js";

/**
 * Lambda ends an invocation (END, REPORT) when the runtime asks for the next one, not when the
 * response arrives. A runtime that logs after answering shows the difference: RIE puts that line
 * before END, and so must kata.
 */
const runtime = writePlainRuntime();
after(() => runtime.cleanup());
const LATE = { action: "log-after", line: "logged after the response", ms: 300 };

/** The lines from the late log line to the END after it: the late line must come first. */
function assertLateLineInside(logs: string, requestId?: string): void {
  const late = logs.indexOf(LATE.line);
  const end = logs.indexOf(requestId === undefined ? "END RequestId: " : `END RequestId: ${requestId}`);
  assert.ok(late >= 0 && end >= 0, logs);
  assert.ok(late < end, `the line logged after the response comes before END:\n${logs}`);
  assert.ok(logs.indexOf("REPORT RequestId: ") > end, "REPORT follows END");
}

describe("END and REPORT are written when the runtime asks for its next invocation", () => {
  it("under aws-lambda-rie", { skip: withoutPeers }, async () => {
    const rie = await Rie.start({ command: [process.execPath, runtime.script], env: { _HANDLER: "plain", LAMBDA_TASK_ROOT: runtime.dir } });
    try {
      assert.equal((await rie.invoke(LATE)).status, 200);
      await rie.invoke({});
      assertLateLineInside(rie.logs);
    } finally {
      await rie.stop();
    }
  });

  it("under kata serve", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "plain", "--exec", `${process.execPath} ${runtime.script}`, "--port", String(port)], runtime.dir);
    try {
      await serve.waitForStderr(/is listening on/, 15_000);
      const invoke = (event: unknown) => httpCall(`http://127.0.0.1:${port}`, "POST", "/2015-03-31/functions/function/invocations", { body: JSON.stringify(event) });
      const reply = await invoke(LATE);
      assert.equal(reply.status, 200);
      await invoke({});
      assertLateLineInside(serve.stderr, String(reply.headers["x-amzn-requestid"]));
    } finally {
      await serve.stop();
    }
  });
});
