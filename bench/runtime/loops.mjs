import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchDir, projectRoot } from "../lib/ensure-deps.mjs";

export const handlersDir = fileURLToPath(new URL("./handlers", import.meta.url));

/**
 * The runtime loops under comparison, each started as Lambda starts it: `node <script>` with the
 * handler in `_HANDLER` (relative to `LAMBDA_TASK_ROOT`). `script` is run by the bench's Node 22.
 */
export const LOOPS = {
  kata: { label: "kata", script: join(projectRoot, "dist/runtime/bin.cjs") },
  // The same loop as an ES module (what the kata-runtime bin was until 2026-12-04).
  "kata-esm": { label: "kata, ES module build", script: join(projectRoot, "dist/runtime/bin.js") },
  ric: { label: "aws-lambda-ric", script: join(benchDir, "node_modules/aws-lambda-ric/index.mjs") },
  plain: { label: "plain node:http", script: fileURLToPath(new URL("./plain-client.mjs", import.meta.url)) },
};

/** aws-lambda-ric cannot start without the native client its install script builds. */
export function ensureRicBuilt() {
  const native = join(benchDir, "node_modules/aws-lambda-ric/rapid-client.node");
  if (!existsSync(native)) {
    throw new Error(`bench: ${native} is missing: aws-lambda-ric's install script did not build its native client (it needs cmake, make and g++). See why with \`npm rebuild aws-lambda-ric --prefix bench --foreground-scripts\`.`);
  }
}

/**
 * `npm run build` bundles the `kata-runtime` bin (dist/runtime/bin.cjs) into one CommonJS file; a
 * file that loads kata's modules one by one costs start-up. The figures say which one they measured.
 */
export function kataBinBuild() {
  const head = readFileSync(LOOPS.kata.script, "utf8").slice(0, 4000);
  const unbundled = /^import .* from "\.\.?\/|\brequire\("\.\.?\//m.test(head);
  if (unbundled) console.warn(`bench: ${LOOPS.kata.script} is not the bundle \`npm run build\` makes; kata's start-up figures will be of an unbundled bin.`);
  return unbundled ? "unbundled" : "bundled (npm run build)";
}

/**
 * The environment Lambda gives a function, and nothing of the bench's own (no NODE_OPTIONS):
 * aws-lambda-ric refuses to build a context without the AWS_LAMBDA_* names, and every loop gets
 * the same variables.
 */
/**
 * The V8 flags AWS's managed Node.js runtime starts aws-lambda-ric with (its bootstrap: a tenth of
 * the memory size for the young generation, half of that per semi-space, the rest for the old
 * generation), for the 1024 MB that `lambdaEnvironment` sets. kata's provided.* bootstrap passes
 * --max-old-space-size for the same reason. Any V8 flag makes Node reject its built-in code cache,
 * which costs a fresh process about 12 ms on this machine, so a fair spawn comparison passes both.
 */
export const MANAGED_RUNTIME_NODE_ARGS = ["--expose-gc", "--max-http-header-size", "81920", "--max-semi-space-size=51", "--max-old-space-size=922"];

export function lambdaEnvironment({ address, handler = "none.handler", taskRoot = handlersDir, extra = {} }) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_LAMBDA_RUNTIME_API: address,
    LAMBDA_TASK_ROOT: taskRoot,
    _HANDLER: handler,
    AWS_LAMBDA_FUNCTION_NAME: "bench",
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "1024",
    AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/bench",
    AWS_LAMBDA_LOG_STREAM_NAME: "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
    ...extra,
  };
}
