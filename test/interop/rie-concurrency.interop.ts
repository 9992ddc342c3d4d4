import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { withoutPeers } from "./support/peers.js";
import { Rie } from "./support/rie.js";
import { packageProvided, taskWith } from "./support/task-dirs.js";

/**
 * RIE's concurrency mode (Lambda Managed Instances): it runs /var/task/bootstrap with
 * AWS_LAMBDA_MAX_CONCURRENCY, so kata's loop runs that many invocations at once, and it sends
 * deadlines far in the future (now + timeout × 10⁹ ms).
 */
const task = taskWith("interop/actions.mjs");
after(() => task.remove());

describe("kata-runtime under aws-lambda-rie's concurrency mode", { skip: withoutPeers }, () => {
  it("answers 4 concurrent invocations with a 10 s function timeout, each with its own request id", async () => {
    const root = await packageProvided(task.dir, "actions.handler", "provided");
    const rie = await Rie.startConcurrent(root, {
      env: { AWS_LAMBDA_MAX_CONCURRENCY: "4", AWS_LAMBDA_FUNCTION_TIMEOUT: "10", KATA_NODE: process.execPath },
    });
    try {
      // Runtime.Unavailable (400) until the runtime has started and waits on /next.
      await eventuallyOk(() => rie.invoke({}));
      const replies = await Promise.all([0, 1, 2, 3].map(() => rie.invoke({ action: "sleep", ms: 300 })));
      assert.deepEqual(replies.map((r) => r.status), [200, 200, 200, 200], replies.map((r) => r.body).join("\n") + "\n" + rie.logs);
      const bodies = replies.map((r) => JSON.parse(r.body));
      assert.deepEqual(bodies.map((b) => b.slept), [300, 300, 300, 300]);
      assert.equal(new Set(bodies.map((b) => b.requestId)).size, 4);
    } finally {
      await rie.stop();
    }
  });
});

async function eventuallyOk(call: () => Promise<{ status: number; body: string }>): Promise<void> {
  const until = Date.now() + 20_000;
  for (;;) {
    const reply = await call();
    if (reply.status === 200) return;
    if (Date.now() > until) throw new Error(`the runtime never became ready: ${reply.status} ${reply.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
