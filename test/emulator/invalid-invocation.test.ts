import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Emulator } from "../../emulator/emulator.js";
import { projectRoot } from "../support/fixtures.js";

/** `Emulator.invoke` callers can pass header values the HTTP endpoint would refuse: the invocation must still end. */
describe("an invocation whose /next headers cannot be sent", () => {
  let dir: string;
  let emulator: Emulator;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "kata-invalid-"));
    writeFileSync(join(dir, "fn.mjs"), "export async function handler(event, context) { return { event, clientContext: context.clientContext ?? null }; }\n");
    emulator = await Emulator.start({ command: [process.execPath, join(projectRoot, "dist", "runtime", "bin.js")], handler: "fn.handler", taskRoot: dir, logs: () => {} });
  });
  after(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails at once with Emulator.InvalidInvocation, and the next invocation is handed to the same poll", async () => {
    const bad = await emulator.invoke({ n: 1 }, { clientContext: '{"custom":\r\n{}}' });
    assert.equal(bad.error?.errorType, "Emulator.InvalidInvocation");
    assert.match(bad.error?.errorMessage ?? "", new RegExp(`^Request ${bad.requestId} cannot be handed to the runtime: .*Lambda-Runtime-Client-Context`));
    const good = await emulator.invoke({ n: 2 }, { clientContext: '{"custom":{}}' });
    assert.equal(good.error, undefined);
    assert.deepEqual(JSON.parse(good.payload.toString()), { event: { n: 2 }, clientContext: { custom: {} } });
  });

  it("refuses a timeout above Lambda's 900 seconds", async () => {
    await assert.rejects(Emulator.start({ command: ["true"], handler: "fn.handler", taskRoot: dir, timeoutSeconds: 2_147_484, eager: false }), {
      name: "RangeError",
      message: "timeoutSeconds must be more than 0 and at most 900 (Lambda's maximum), got 2147484",
    });
  });
});
