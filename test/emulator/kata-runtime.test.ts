import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "../../emulator/emulator.js";
import { projectRoot } from "../support/fixtures.js";

/** The emulator driving kata's own runtime loop (`dist/runtime/bin.js`) with plain ESM handlers. */
const runtimeBin = join(projectRoot, "dist", "runtime", "bin.js");
const skip = existsSync(runtimeBin) ? false : "dist/runtime/bin.js is not built";

const HANDLERS = `
export async function handler(event, context) {
  console.log("handling", event.orderId);
  return { orderId: event.orderId, functionName: context.functionName, arn: context.invokedFunctionArn,
    memory: context.memoryLimitInMB, remaining: context.getRemainingTimeInMillis() };
}
export async function fails() { throw new RangeError("quantity out of range"); }
export async function slow() { await new Promise((resolve) => setTimeout(resolve, 10_000)); }
export async function streams() {
  return { [Symbol.for("kata.streaming")]: true, contentType: "text/plain",
    body: (async function* () { yield Buffer.from("first,"); yield Buffer.from("second"); })() };
}
export const notAFunction = 42;
`;

describe("emulator with kata's runtime loop", { skip }, () => {
  let dir: string;
  const emulators: Emulator[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "kata-emulator-"));
    writeFileSync(join(dir, "orders.mjs"), HANDLERS);
  });
  after(async () => {
    await Promise.all(emulators.map((emulator) => emulator.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(exportName: string, timeoutSeconds = 3): Promise<Emulator> {
    const emulator = await Emulator.start({
      command: [process.execPath, runtimeBin],
      handler: `orders.${exportName}`,
      taskRoot: dir,
      functionName: "orders",
      memorySizeMb: 256,
      timeoutSeconds,
      logs: () => {},
    });
    emulators.push(emulator);
    return emulator;
  }

  it("runs the handler with a context built from the invocation headers", async () => {
    const emulator = await start("handler");
    const result = await emulator.invoke({ orderId: "ord-1" });
    const body = JSON.parse(result.payload.toString());
    assert.deepEqual({ ...body, remaining: undefined }, {
      orderId: "ord-1",
      functionName: "orders",
      arn: "arn:aws:lambda:us-east-1:123456789012:function:orders",
      memory: "256",
      remaining: undefined,
    });
    assert.ok(body.remaining > 2000 && body.remaining <= 3000, `remaining ${body.remaining} ms`);
  });

  it("reports the handler's error with its type and message", async () => {
    const result = await (await start("fails")).invoke({});
    assert.equal(result.phase, "invoke");
    assert.equal(result.error?.errorType, "RangeError");
    assert.equal(result.error?.errorMessage, "quantity out of range");
  });

  it("reports an export that is not a function as an init error", async () => {
    const result = await (await start("notAFunction")).invoke({});
    assert.equal(result.phase, "init");
    assert.equal(result.error?.errorType, "Runtime.HandlerNotFound");
    assert.match(result.error!.errorMessage, /notAFunction/);
  });

  it("times out a slow handler, then serves the next invocation from a new process", async () => {
    const emulator = await start("slow", 0.5);
    const timedOut = await emulator.invoke({});
    assert.equal(timedOut.error?.errorType, "Sandbox.Timedout");
    const again = await emulator.invoke({});
    assert.equal(again.error?.errorType, "Sandbox.Timedout", "the new process runs the same slow handler");
    assert.notEqual(again.requestId, timedOut.requestId);
  });

  it("receives a streamed response in full", async () => {
    const result = await (await start("streams")).invoke({});
    assert.equal(result.error, undefined);
    assert.equal(result.streamed, true);
    assert.equal(result.payload.toString(), "first,second");
  });
});
