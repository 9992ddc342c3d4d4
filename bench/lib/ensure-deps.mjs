import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const projectRoot = join(benchDir, "..");

/** True when every package `bench/package.json` names (optional ones aside) is in `bench/node_modules`. */
function benchDependenciesInstalled() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(benchDir, "package.json"), "utf8"));
  return Object.keys(dependencies).every((name) => existsSync(join(benchDir, "node_modules", name, "package.json")));
}

/**
 * The peers (Powertools parser, Zod, Ajv, aws-lambda-ric, Node.js 22) live in `bench/node_modules`,
 * never in kata's own dependencies. A first run installs them from `bench/package-lock.json`.
 * aws-lambda-ric's install script builds its native client (curl and aws-lambda-cpp with cmake,
 * then node-gyp: about 30 s), which needs cmake, make and a C++ compiler.
 */
export function ensureBenchDependencies() {
  if (benchDependenciesInstalled()) return;
  const command = existsSync(join(benchDir, "package-lock.json")) ? "ci" : "install";
  console.log(`bench: installing the peers to compare against (npm ${command} --prefix bench) ...`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, [command, "--prefix", benchDir, "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`bench: npm ${command} --prefix bench failed (exit ${result.status}). Run it yourself to see why, then rerun (aws-lambda-ric's native build needs cmake, make and g++).`);
  }
  console.log("bench: peers installed.");
}

/** The benchmarks import kata's compiled output; without it the figures would be of nothing. */
export function ensureBuilt(...files) {
  const missing = files.filter((f) => !existsSync(join(projectRoot, f)));
  if (missing.length > 0) {
    throw new Error(`bench: ${missing.join(", ")} not found. Run \`npm run build\` first (npm run bench:* scripts do).`);
  }
}
