import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LOOPS, MANAGED_RUNTIME_NODE_ARGS } from "../runtime/loops.mjs";
import { packageExampleSqs, packageFunction } from "./package-function.mjs";

const MANAGED_BOOTSTRAP = fileURLToPath(new URL("./managed-bootstrap.sh", import.meta.url));

/**
 * The cold-start subjects: the same function (every built-in decoder imported, the first event a
 * 10-record SQS batch) under kata's loop and under aws-lambda-ric, unbundled and as `kata
 * package` bundles, and the RIC with the Powertools parser instead. `node -e 0` is the floor.
 *
 * @returns `{ subjects, packages }`; `packages` has the bundles' file sizes
 */
export function coldStartSubjects(node, workDir) {
  const kataProvided = packageFunction("all-events-kata", "provided.al2023", workDir, "kata-provided");
  const kataManaged = packageFunction("all-events-kata", "nodejs22.x", workDir, "kata-nodejs22");
  const powertoolsManaged = packageFunction("all-events-powertools", "nodejs22.x", workDir, "powertools-nodejs22");
  const sqsProvided = packageExampleSqs("provided.al2023", workDir, "sqs-provided");
  const sqsManaged = packageExampleSqs("nodejs22.x", workDir, "sqs-nodejs22");
  const sqsManagedNoMap = packageExampleSqs("nodejs22.x", workDir, "sqs-nodejs22-no-sourcemap", ["--no-sourcemap"]);
  const subjects = {
    "node-bare": { label: "node -e 0 (spawn to exit)", bare: "exit" },
    "node-poll": { label: "node -e: one socket, GET /next (the floor)", bare: "poll" },
    kata: { label: "kata, kata decoders", loop: "kata", handler: "all-events-kata.handler" },
    "kata-packaged": {
      label: "kata, kata decoders, kata package (provided.al2023)",
      command: join(kataProvided.taskRoot, "bootstrap"),
      taskRoot: kataProvided.taskRoot,
      handler: "index.handler",
      env: { KATA_NODE: node },
    },
    ric: { label: "aws-lambda-ric, JSON.parse only", loop: "ric", handler: "all-events-json.handler" },
    "ric-powertools": { label: "aws-lambda-ric + Powertools parser", loop: "ric", handler: "all-events-powertools.handler" },
    "ric-powertools-packaged": { label: "aws-lambda-ric + Powertools parser, kata package (nodejs22.x)", loop: "ric", taskRoot: powertoolsManaged.taskRoot, handler: "index.handler" },
    "ric-kata": { label: "aws-lambda-ric, kata decoders", loop: "ric", handler: "all-events-kata.handler" },
    "ric-kata-packaged": { label: "aws-lambda-ric, kata decoders, kata package (nodejs22.x)", loop: "ric", taskRoot: kataManaged.taskRoot, handler: "index.handler" },
    // The targets' pair: one source's decoders and one typed entry (examples/orders' SQS function),
    // the same handler bundle under kata's loop and under the RIC.
    "sqs-kata-packaged": {
      label: "examples/orders SQS function, kata package (provided.al2023)",
      command: join(sqsProvided.taskRoot, "bootstrap"),
      taskRoot: sqsProvided.taskRoot,
      handler: "index.handler",
      env: { KATA_NODE: node },
    },
    "sqs-ric-packaged": { label: "examples/orders SQS function, kata package (nodejs22.x), aws-lambda-ric", loop: "ric", taskRoot: sqsManaged.taskRoot, handler: "index.handler" },
    "sqs-ric-packaged-managed": {
      label: "the same, aws-lambda-ric with the managed runtime's V8 flags",
      loop: "ric",
      nodeArgs: MANAGED_RUNTIME_NODE_ARGS,
      taskRoot: sqsManaged.taskRoot,
      handler: "index.handler",
    },
    // Stack traces on the managed runtime: kata's mapper (above, what `kata package` ships) against
    // Node's own source maps, which users set through NODE_OPTIONS, and against no map at all.
    "sqs-ric-packaged-managed-node-source-maps": {
      label: "the same, NODE_OPTIONS=--enable-source-maps (Node's source maps; kata's mapper steps aside)",
      loop: "ric",
      nodeArgs: MANAGED_RUNTIME_NODE_ARGS,
      taskRoot: sqsManaged.taskRoot,
      handler: "index.handler",
      env: { NODE_OPTIONS: "--enable-source-maps" },
    },
    "sqs-ric-packaged-managed-no-sourcemap": {
      label: "the same, kata package --no-sourcemap (no map, no kata-source-maps.mjs)",
      loop: "ric",
      nodeArgs: MANAGED_RUNTIME_NODE_ARGS,
      taskRoot: sqsManagedNoMap.taskRoot,
      handler: "index.handler",
    },
    // As Lambda starts the RIC: through a bootstrap script (bash), as kata's subjects go through theirs.
    "sqs-ric-packaged-bootstrap": {
      label: "the same, aws-lambda-ric started by a bootstrap like the managed runtime's",
      command: MANAGED_BOOTSTRAP,
      taskRoot: sqsManaged.taskRoot,
      handler: "index.handler",
      env: { BENCH_NODE: node, BENCH_RIC: LOOPS.ric.script },
    },
  };
  const packages = { "kata-packaged": kataProvided, "ric-powertools-packaged": powertoolsManaged, "ric-kata-packaged": kataManaged, "sqs-kata-packaged": sqsProvided, "sqs-ric-packaged": sqsManaged };
  return { subjects, packages };
}
