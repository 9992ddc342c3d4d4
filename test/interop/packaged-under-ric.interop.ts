import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { join } from "node:path";
import { makeProject } from "../cli/run-cli.js";
import { node22, ricMain } from "./support/node22.js";
import { withoutPeers } from "./support/peers.js";
import { Rie } from "./support/rie.js";
import { packageFor } from "./support/task-dirs.js";

/**
 * A function packaged by `kata package` for nodejs22.x, run as that managed runtime runs it:
 * aws-lambda-ric 4 on Node.js 22 imports index.mjs, under AWS's Runtime Interface Emulator, and
 * no NODE_OPTIONS are set. The stacks it reports must still name the TypeScript sources, through
 * the map in the zip: the bundle imports kata's stack mapper before the function's own code.
 */
const project = makeProject({
  "src/orders.ts": `import { wholeQuantity } from "./quantity.js";

export async function handler(event: { quantity: number }) {
  return { quantity: wholeQuantity(event.quantity) };
}
`,
  "src/quantity.ts": `export function wholeQuantity(quantity: number): number {
  if (!Number.isInteger(quantity)) {
    throw new RangeError(\`quantity \${quantity} is not a whole number\`);
  }
  return quantity;
}
`,
  "src/needs-limit.ts": `const limit = Number.parseInt(process.env.ORDER_LIMIT ?? "", 10);
if (Number.isNaN(limit)) throw new TypeError("ORDER_LIMIT is not set");

export async function handler() {
  return { limit };
}
`,
});
after(() => project.remove());

async function ricUnderRie(handler: string, into: string): Promise<{ rie: Rie; root: string }> {
  const root = await packageFor("nodejs22.x", project.dir, handler, into);
  const env = { LAMBDA_TASK_ROOT: root, _HANDLER: "index.handler", NODE_OPTIONS: "" };
  return { rie: await Rie.start({ command: [node22, ricMain], env, cwd: root }), root };
}

describe("a kata package nodejs22.x function under aws-lambda-ric and aws-lambda-rie, without NODE_OPTIONS", { skip: withoutPeers }, () => {
  let orders: { rie: Rie; root: string };
  before(async () => (orders = await ricUnderRie("src/orders.handler", "orders")));
  after(() => orders?.rie.stop());

  it("answers with the handler's result", async () => {
    const reply = await orders.rie.invoke({ quantity: 3 });
    assert.equal(reply.status, 200, orders.rie.logs);
    assert.deepEqual(JSON.parse(reply.body), { quantity: 3 });
  });

  it("reports a thrown error whose trace names the .ts file, line, column and function of each frame", async () => {
    const reply = await orders.rie.invoke({ quantity: 2.5 });
    const error = JSON.parse(reply.body) as { errorType: string; errorMessage: string; trace: string[] };
    assert.deepEqual([error.errorType, error.errorMessage], ["RangeError", "quantity 2.5 is not a whole number"], reply.body);
    assert.equal(error.trace[0], "RangeError: quantity 2.5 is not a whole number");
    assert.equal(error.trace[1], `    at wholeQuantity (${join(orders.root, "src/quantity.ts")}:3:11)`);
    // The RIC calls the handler as a method; the minified name is the source's again.
    assert.ok(error.trace[2]!.endsWith(` (${join(orders.root, "src/orders.ts")}:4:22)`), error.trace[2]);
    assert.match(error.trace[2]!, /^ {4}at \S*\bhandler\b/);
  });
});

// RIE always serves its Runtime API on 127.0.0.1:9001, so one RIE at a time.
describe("a kata package nodejs22.x function that throws while it loads, under aws-lambda-ric and aws-lambda-rie", { skip: withoutPeers }, () => {
  let failing: { rie: Rie; root: string };
  before(async () => (failing = await ricUnderRie("src/needs-limit.handler", "needs-limit")));
  after(() => failing?.rie.stop());

  it("reports the init error at its place in the .ts source", async () => {
    const reply = await failing.rie.invoke({});
    const error = JSON.parse(reply.body) as { errorType: string; errorMessage: string };
    assert.match(error.errorType, /TypeError/, reply.body);
    assert.match(error.errorMessage, /ORDER_LIMIT is not set/);
    // The RIC logs the init error, with its stack, as `Init Error \t{...}`.
    const logged = /\tInit Error \t(\{.*\})\n/.exec(failing.rie.logs)?.[1];
    assert.ok(logged, failing.rie.logs);
    const { stack } = JSON.parse(logged) as { stack: string[] };
    assert.equal(stack[1], `    at ${join(failing.root, "src/needs-limit.ts")}:2:32`);
  });
});
