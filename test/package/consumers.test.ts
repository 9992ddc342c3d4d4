import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { projectRoot } from "../support/fixtures.js";

// kata as a user's project gets it: `npm pack`ed, unpacked into node_modules, with the committed
// generated code of examples/orders and a handler of its own, type-checked by TypeScript 5.4,
// 5.9 and 7 in an ESM project (module NodeNext) and a CommonJS one (`npm init -y`: module NodeNext,
// and module commonjs). Offline: the compilers are kata's devDependencies.

const run = promisify(execFile);
const COMPILERS = { "5.4": "typescript-5.4", "5.9": "typescript-5.9", "7": "typescript" } as const;
const tscOf = (version: keyof typeof COMPILERS) => join(projectRoot, "node_modules", COMPILERS[version], "bin", "tsc");

const HANDLER = `import { kataContext, type LambdaContext } from "kata";
import { http } from "kata/http";
import { decodeSQSEvent } from "kata/events/sqs";
import { onCreateOrder } from "./generated/create-order.js";
import { onOrderMessage } from "./generated/order-message.js";

export const orders = onOrderMessage(async (order, record, context) => {
  const deadline: number = context.deadlineMs;
  void [order.orderId, record.messageId, deadline];
});
export const createOrder = onCreateOrder(async (body) => ({ statusCode: 201, body: JSON.stringify({ items: body.items.length }) }));
export const web = http(() => new Response("ok"));
export const signalOf = (context: LambdaContext): AbortSignal => kataContext(context).signal;
export const records = (text: string): number => decodeSQSEvent(text).Records.length;
`;

function compilerOptions(module: "NodeNext" | "commonjs") {
  const resolution = module === "NodeNext" ? { moduleResolution: "NodeNext" } : {};
  // The strict options that `tsc --init` (5.9) turns on; `declaration` makes TypeScript name every inferred type.
  const strict = { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, declaration: true };
  return { compilerOptions: { target: "ES2022", module, ...resolution, ...strict, skipLibCheck: false, types: [], noEmit: true }, include: ["src"] };
}

/** A consumer project: package.json of `type`, the example's handlers and generated code, and one handler more. */
function writeConsumer(dir: string, type: "module" | "commonjs", kata: string): void {
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(kata, join(dir, "node_modules", "kata"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${type}`, version: "1.0.0", type, dependencies: { kata: "0.1.0" } }));
  // The example's generated code and two of its handlers (the others import node: modules or aws-lambda, which need @types).
  const example = join(projectRoot, "examples", "orders", "src");
  cpSync(join(example, "generated"), join(dir, "src", "generated"), { recursive: true });
  for (const file of ["process-orders.ts", "order-placed.ts"]) cpSync(join(example, file), join(dir, "src", file));
  writeFileSync(join(dir, "src", "handler.ts"), HANDLER);
}

describe("consumer projects type-check against the packed kata", () => {
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), "kata-consumers-"));
    await run("npm", ["pack", "--silent", "--pack-destination", root], { cwd: projectRoot });
    const [tarball] = readdirSync(root).filter((name) => name.endsWith(".tgz"));
    const kata = join(root, "kata");
    mkdirSync(kata);
    await run("tar", ["xzf", join(root, tarball!), "-C", kata, "--strip-components=1"]);
    writeConsumer(join(root, "esm"), "module", kata);
    writeConsumer(join(root, "cjs"), "commonjs", kata);
    writeFileSync(join(root, "esm", "tsconfig.json"), JSON.stringify(compilerOptions("NodeNext")));
    writeFileSync(join(root, "cjs", "tsconfig.nodenext.json"), JSON.stringify(compilerOptions("NodeNext")));
    writeFileSync(join(root, "cjs", "tsconfig.commonjs.json"), JSON.stringify(compilerOptions("commonjs")));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const projects = [
    { name: "ESM, module NodeNext", dir: "esm", config: "tsconfig.json" },
    { name: "CommonJS (npm init -y), module NodeNext", dir: "cjs", config: "tsconfig.nodenext.json" },
    // Emitted too (to out-<version>), for the run below.
    { name: "CommonJS (npm init -y), module commonjs", dir: "cjs", config: "tsconfig.commonjs.json", emit: true },
  ];
  for (const version of Object.keys(COMPILERS) as (keyof typeof COMPILERS)[]) {
    it(`TypeScript ${version}: ${projects.map((p) => p.name).join("; ")}`, async () => {
      const results = await Promise.all(
        projects.map(async ({ name, dir, config, emit }) => {
          const args = ["-p", config, ...(emit ? ["--noEmit", "false", "--rootDir", "src", "--outDir", `out-${version}`] : [])];
          const outcome = await run(process.execPath, [tscOf(version), ...args], { cwd: join(root, dir) }).catch((error: { stdout: string; stderr: string }) => error);
          return { name, errors: `${outcome.stdout}${outcome.stderr}`.trim() };
        }),
      );
      assert.deepEqual(results, projects.map(({ name }) => ({ name, errors: "" })));
    });
  }

  it("the CommonJS build runs: require(kata) from code TypeScript 5.4 compiled", async () => {
    const script = `
      const { orders, records } = require("./out-5.4/handler.js");
      const event = require(${JSON.stringify(join(projectRoot, "test", "fixtures", "events", "sqs", "base.json"))});
      event.Records[0].body = JSON.stringify({ orderId: "ord-1", quantity: 2 });
      event.Records[1].body = JSON.stringify({ orderId: "ord-2", quantity: 0 });
      orders(event, { awsRequestId: "cjs-1", getRemainingTimeInMillis: () => 1000 }).then((result) => console.log(JSON.stringify({ result, records: records(JSON.stringify(event)) })));
    `;
    const { stdout } = await run(process.execPath, ["--no-warnings", "-e", script], { cwd: join(root, "cjs") });
    // Decoded by kata's ESM code, called from CommonJS: the second body has quantity 0, so it is reported.
    assert.deepEqual(JSON.parse(stdout), {
      result: { batchItemFailures: [{ itemIdentifier: "9f2b7c3e-5a1d-4e8b-b0c4-000000000002" }] },
      records: 2,
    });
  });
});
