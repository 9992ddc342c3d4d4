import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withoutPeers } from "./support/peers.js";
import { Rie } from "./support/rie.js";
import { packageFor, taskWith } from "./support/task-dirs.js";
import { projectRoot } from "../support/fixtures.js";

/**
 * kata-runtime under AWS's Runtime Interface Emulator: the answers below are RIE's own (it
 * replies with text/plain, 502 for a crashed runtime, and a plain-text timeout body).
 */
const TIMEOUT_SECONDS = 3;
const task = taskWith("interop/actions.mjs");
after(() => task.remove());

const bodyOf = (reply: { body: string }) => JSON.parse(reply.body);

/** `actions.mjs:<line>:<column>` of the fixture's `throw`, read from the fixture so that editing it moves the expectation too. */
function throwSite(): string {
  const lines = readFileSync(join(projectRoot, "test/fixtures/handlers/interop/actions.mjs"), "utf8").split("\n");
  const line = lines.findIndex((text) => text.includes("throw new TypeError"));
  return `actions.mjs:${line + 1}:${lines[line]!.indexOf("throw") + 7}`;
}

/** How each way of starting kata's loop is run by RIE: `node kata-runtime`, or the bootstrap `kata package` writes. */
const launches: { name: string; rie: (handler: "handler" | "rows") => Promise<Rie> }[] = [
  {
    name: "the kata-runtime bin (node dist/runtime/bin.cjs)",
    rie: (handler) => Rie.start({ command: [process.execPath, join(projectRoot, "dist/runtime/bin.cjs")], env: lambdaEnv(task.dir, `actions.${handler}`) }),
  },
  {
    name: "the provided.al2023 bootstrap of kata package (unzipped)",
    rie: async (handler) => {
      const root = await packageFor("provided.al2023", task.dir, `actions.${handler}`, `provided-${handler}`);
      return Rie.start({ command: [join(root, "bootstrap")], env: { ...lambdaEnv(root, "index.handler"), KATA_NODE: process.execPath } });
    },
  },
];

function lambdaEnv(taskRoot: string, handler: string): Record<string, string> {
  return { LAMBDA_TASK_ROOT: taskRoot, _HANDLER: handler, AWS_LAMBDA_FUNCTION_TIMEOUT: String(TIMEOUT_SECONDS) };
}

for (const launch of launches) {
  describe(`kata-runtime under aws-lambda-rie, started as ${launch.name}`, { skip: withoutPeers }, () => {
    let rie: Rie;
    before(async () => (rie = await launch.rie("handler")));
    after(() => rie?.stop());

    it("answers an invocation with the handler's result and RIE's request id", async () => {
      const reply = await rie.invoke({ orderId: "ord-1" });
      assert.equal(reply.status, 200);
      const body = bodyOf(reply);
      assert.deepEqual([body.ok, body.event], [true, { orderId: "ord-1" }]);
      assert.match(body.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it("answers 20 invocations in a row from one process, each with its own request id", async () => {
      const bodies = [];
      for (let i = 0; i < 20; i++) bodies.push(bodyOf(await rie.invoke({ n: i })));
      assert.deepEqual(bodies.map((b) => b.event.n), [...Array(20).keys()]);
      assert.equal(new Set(bodies.map((b) => b.pid)).size, 1, "one runtime process answered all of them");
      assert.equal(new Set(bodies.map((b) => b.requestId)).size, 20);
    });

    it("reports a thrown error with errorType, errorMessage and stackTrace", async () => {
      const reply = await rie.invoke({ action: "throw", orderId: "ord-2" });
      assert.equal(reply.status, 200);
      const error = bodyOf(reply);
      assert.deepEqual([error.errorType, error.errorMessage], ["TypeError", "order ord-2 is not valid"]);
      assert.equal(error.stackTrace[0], "TypeError: order ord-2 is not valid");
      assert.ok(error.stackTrace[1].endsWith(`${throwSite()})`), `the frame of the throw, through the source map when bundled: ${error.stackTrace[1]}`);
    });

    it("times out at the function timeout, and the next invocation gets a fresh process", async () => {
      const before = bodyOf(await rie.invoke({})).pid;
      const reply = await rie.invoke({ action: "sleep", ms: 60_000 });
      assert.deepEqual([reply.status, reply.body], [200, `Task timed out after ${TIMEOUT_SECONDS}.00 seconds`]);
      assert.notEqual(bodyOf(await rie.invoke({})).pid, before);
    });

    it("reports an uncaught exception in a timer with its type, and recovers", async () => {
      const reply = await rie.invoke({ action: "timer" });
      assert.equal(reply.status, 502, "RIE answers 502 when the runtime exits after the error");
      const error = bodyOf(reply);
      assert.deepEqual([error.errorType, error.errorMessage], ["RangeError", "a timer failed after the handler returned its promise"]);
      assert.equal(bodyOf(await rie.invoke({})).ok, true);
    });

    it("reports process.exit as Runtime.ExitError, and recovers", async () => {
      const reply = await rie.invoke({ action: "exit", code: 3 });
      assert.equal(reply.status, 502);
      const error = bodyOf(reply);
      assert.equal(error.errorType, "Runtime.ExitError");
      assert.match(error.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$/);
      assert.equal(bodyOf(await rie.invoke({})).ok, true);
    });

    it("returns a 5 MB response intact, and fails a 7 MB one with Function.ResponseSizeTooLarge", async () => {
      const five = await rie.invoke({ action: "big", bytes: 5_000_000 });
      assert.equal(five.status, 200);
      assert.equal(five.body, JSON.stringify("x".repeat(5_000_000)));
      const seven = bodyOf(await rie.invoke({ action: "big", bytes: 7_000_000 }));
      assert.equal(seven.errorType, "Function.ResponseSizeTooLarge");
      assert.match(seven.errorMessage, /^Response payload size \(7000002 bytes\) exceeded maximum allowed payload size \(6291556 bytes\)\.$/);
    });
  });

  describe(`a streamed response of kata-runtime under aws-lambda-rie, started as ${launch.name}`, { skip: withoutPeers }, () => {
    it("reaches the invoker whole", async () => {
      const rie = await launch.rie("rows");
      try {
        const reply = await rie.invoke({ rows: 3 });
        assert.equal(reply.status, 200);
        assert.equal(reply.body, '{"row":1}\n{"row":2}\n{"row":3}\n');
      } finally {
        await rie.stop();
      }
    });
  });
}
