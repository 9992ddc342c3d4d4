import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { writePlainRuntime } from "../emulator/plain-runtime.js";
import { makeProject, runCli } from "./run-cli.js";

/** `kata invoke`, run as a user runs it, in a temporary TypeScript project. */
const project = makeProject({
  "src/orders.ts": `import { total } from "./total.js";
interface QueueEvent { Records: { body: string }[] }
export async function handler(event: QueueEvent) {
  console.log(\`processing \${event.Records.length} message(s)\`);
  return { total: total(event.Records.map((record) => JSON.parse(record.body).quantity)) };
}
export async function reject(): Promise<never> {
  throw new RangeError("quantity must be positive");
}
export async function slow() {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}
export const config = { retries: 3 };
`,
  "src/total.ts": "export const total = (quantities: number[]): number => quantities.reduce((sum, q) => sum + q, 0);\n",
  "events/two.json": JSON.stringify({ Records: [{ body: '{"quantity":2}' }, { body: '{"quantity":5}' }] }),
  "events/broken.json": '{\n  "Records": [\n    { "body": "x" },\n  ]\n}\n',
});
const plain = writePlainRuntime();
after(() => {
  project.remove();
  plain.cleanup();
});

const cwd = project.dir;
const oneLine = (stderr: string) => stderr.trimEnd().split("\n");

describe("kata invoke", { concurrency: true }, () => {
  it("compiles a TypeScript handler, runs it with a built-in sample, and prints logs then the result", async () => {
    const run = await runCli(["invoke", "src/orders.handler", "--event", "sqs"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '{\n  "total": 2\n}\n');
    assert.match(run.stderr, /^kata invoke: compiled src\/orders\.ts in \d+ ms\nSTART RequestId: ([0-9a-f-]{36}) Version: \$LATEST\n.*processing 1 message\(s\)\nEND RequestId: \1\nREPORT RequestId: \1\t/s);
  });

  it("resolves the handler's packages in a project without a package.json", async () => {
    const bare = makeProject({ "src/fn.ts": 'import { kataContext } from "kata";\nexport const handler = async (event: unknown, context: Parameters<typeof kataContext>[0]) => ({ deadline: typeof kataContext(context).deadlineMs });\n' }, { kata: true });
    try {
      rmSync(join(bare.dir, "package.json"));
      const run = await runCli(["invoke", "src/fn.handler", "--event", "sqs"], { cwd: bare.dir });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), { deadline: "number" });
    } finally {
      bare.remove();
    }
  });

  it("reads the event from a file or from stdin", async () => {
    const fromFile = await runCli(["invoke", "src/orders.handler", "--event", "events/two.json"], { cwd });
    assert.deepEqual([fromFile.code, JSON.parse(fromFile.stdout)], [0, { total: 7 }]);
    for (const option of ["-e", "--event"]) {
      const fromStdin = await runCli(["invoke", "src/orders.handler", option, "-"], { cwd, input: '{"Records":[{"body":"{\\"quantity\\":4}"}]}' });
      assert.deepEqual([fromStdin.code, fromStdin.stdout], [0, '{\n  "total": 4\n}\n'], `${option} -: ${fromStdin.stderr}`);
    }
  });

  it("exits 1 with the error type and message when the handler throws", async () => {
    const run = await runCli(["invoke", "src/orders.reject"], { cwd });
    assert.equal(run.code, 1);
    assert.equal(JSON.parse(run.stdout).errorType, "RangeError");
    assert.match(oneLine(run.stderr).at(-1)!, /^kata invoke: the function failed \(request [0-9a-f-]{36}\): RangeError: quantity must be positive$/);
  });

  it("times the invocation out after --timeout seconds", async () => {
    const run = await runCli(["invoke", "src/orders.slow", "--timeout", "0.5"], { cwd });
    assert.equal(run.code, 1);
    assert.match(oneLine(run.stderr).at(-1)!, /: Sandbox\.Timedout: RequestId: [0-9a-f-]{36} Error: Task timed out after 0\.50 seconds$/);
  });

  it("reports an export that is not a function as an init failure", async () => {
    const run = await runCli(["invoke", "src/orders.config"], { cwd });
    assert.equal(run.code, 1);
    assert.match(oneLine(run.stderr).at(-1)!, /^kata invoke: the function failed to initialise \(request [0-9a-f-]{36}\): Runtime\.HandlerNotFound: .*config/);
  });

  it("refuses a missing export, a missing module and an event that is not JSON, in one line each", async () => {
    const cases: [string[], string][] = [
      [["invoke", "src/orders.nothing"], 'kata invoke: src/orders.ts has no export "nothing" (it exports: config, handler, reject, slow); name an exported function, e.g. src/orders.handler'],
      [["invoke", "src/missing.handler"], `kata invoke: no module for handler "src/missing.handler": none of src/missing.ts, src/missing.mts, src/missing.cts, src/missing.js, src/missing.mjs, src/missing.cjs exists (in ${cwd})`],
      [["invoke", "src/orders.handler", "--event", "events/broken.json"], "kata invoke: event file events/broken.json is not JSON: Unexpected token ']' at position 40 (line 4, column 3)"],
    ];
    await Promise.all(
      cases.map(async ([args, line]) => {
        const run = await runCli(args, { cwd });
        assert.deepEqual([run.code, run.stdout, run.stderr], [1, "", line + "\n"]);
      }),
    );
  });

  it("runs any Runtime API client given with --exec", async () => {
    const run = await runCli(["invoke", "orders.handler", "--exec", `${process.execPath} ${plain.script}`, "--event", "events/two.json"], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const echo = JSON.parse(run.stdout);
    assert.deepEqual(echo.event, JSON.parse('{"Records":[{"body":"{\\"quantity\\":2}"},{"body":"{\\"quantity\\":5}"}]}'));
    assert.equal(echo.env._HANDLER, "orders.handler");
  });
});
