#!/usr/bin/env node
// The quick start's first command: generate the example's typed modules, then invoke each of its
// handlers through kata's local Runtime API emulator and kata's runtime loop, as Lambda would.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const example = dirname(fileURLToPath(import.meta.url));
const kata = join(example, "..", "..", "dist", "cli", "bin.js");

// What `npm install` does for the example's `"kata": "file:../.."` dependency.
const link = join(example, "node_modules", "kata");
if (!existsSync(link)) {
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(join("..", "..", ".."), link, "dir");
}

const steps = [
  { title: "kata generate: schemas → types, decoders and onName handlers", args: ["generate"] },
  { title: "SQS: a batch of 3 orders, the 2nd with a bad body → partial batch failure", args: ["invoke", "src/process-orders.handler", "--event", "events/orders-batch.json"], expect: /"itemIdentifier": "5f1c2a7e-3b4d-4c8e-9f01-2a3b4c5d6e02"/ },
  { title: "EventBridge: Order Placed with a typed detail", args: ["invoke", "src/order-placed.handler", "--event", "events/order-placed.json"], expect: /"acknowledged": "ord-0042"/ },
  { title: "HTTP API: POST /orders with a valid body → 201", args: ["invoke", "src/create-order.handler", "--event", "events/create-order.json"], expect: /"statusCode": 201/ },
  { title: "HTTP API: POST /orders with an invalid body → 400 problem+json, handler not called", args: ["invoke", "src/create-order.handler", "--event", "events/create-order-invalid.json"], expect: /"statusCode": 400/ },
];

let failed = 0;
for (const [index, step] of steps.entries()) {
  console.log(`\n\x1b[1m${index + 1}. ${step.title}\x1b[0m\n$ kata ${step.args.join(" ")}`);
  const run = spawnSync(process.execPath, [kata, ...step.args], { cwd: example, encoding: "utf8" });
  process.stdout.write(run.stderr + run.stdout);
  const ok = run.status === 0 && (!step.expect || step.expect.test(run.stdout));
  if (!ok) {
    failed++;
    console.log(`\x1b[31m✗ step ${index + 1} did not do what it should (exit ${run.status})\x1b[0m`);
  }
}
console.log(failed === 0 ? `\n✓ demo: ${steps.length} steps as expected` : `\n✗ demo: ${failed} of ${steps.length} steps failed`);
process.exitCode = failed === 0 ? 0 : 1;
