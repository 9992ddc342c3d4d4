import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { withoutPeers } from "./support/peers.js";
import { Rie } from "./support/rie.js";
import { packageFor, taskWith } from "./support/task-dirs.js";

/**
 * RIE's concurrency mode (Lambda Managed Instances): it runs /var/task/bootstrap with
 * AWS_LAMBDA_MAX_CONCURRENCY, so kata's loop runs that many invocations at once, and it sends
 * deadlines far in the future (now + timeout × 10⁹ ms).
 */
const task = taskWith("interop/actions.mjs");
after(() => task.remove());

type Reply = { status: number; body: string };

describe("kata-runtime under aws-lambda-rie's concurrency mode", { skip: withoutPeers }, () => {
  it("runs 4 invocations at once with a 10 s function timeout, each with its own request id", async () => {
    const root = await packageFor("provided.al2023", task.dir, "actions.handler", "provided");
    const rie = await Rie.startConcurrent(root, {
      env: { AWS_LAMBDA_MAX_CONCURRENCY: "4", AWS_LAMBDA_FUNCTION_TIMEOUT: "10", KATA_NODE: process.execPath },
    });
    try {
      // Each invocation waits until all 4 have arrived: they meet only if all 4 are in flight at once.
      const meeting = { action: "meet", point: "four", of: 4, withinMs: 8000 };
      const replies = await Promise.all([0, 1, 2, 3].map(() => whenARuntimeWaits(() => rie.invoke(meeting))));
      assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 200], replies.map((r) => r.body).join("\n") + "\n" + rie.logs);
      const bodies = replies.map((r) => JSON.parse(r.body));
      assert.deepEqual(bodies.map((b) => b.met), [true, true, true, true]);
      assert.equal(new Set(bodies.map((b) => b.requestId)).size, 4);
    } finally {
      await rie.stop();
    }
  });
});

/**
 * RIE answers 400 Runtime.Unavailable when no runtime waits on /next: before the runtime has
 * started, and between a worker's response and its next /next. Only that answer is retried.
 */
async function whenARuntimeWaits(call: () => Promise<Reply>): Promise<Reply> {
  const until = Date.now() + 20_000;
  for (;;) {
    const reply = await call();
    if (reply.status !== 400 || !reply.body.includes("Runtime.Unavailable") || Date.now() > until) return reply;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
