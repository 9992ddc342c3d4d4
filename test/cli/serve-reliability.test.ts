import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { httpCall } from "../emulator/http-client.js";
import { freePort, makeProject, RunningCli } from "./run-cli.js";

/** `kata serve` as a process, given requests that must be refused or invocations that must still end. */
const HANDLERS = `
export async function handler(event, context) { return { clientContext: context.clientContext ?? null, event }; }
export function hang() { return new Promise(() => {}); }
`;
const project = makeProject({ "src/fn.mjs": HANDLERS });
after(() => project.remove());
const INVOKE = "/2015-03-31/functions/function/invocations";
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

async function serving(handler: string, extra: string[], use: (base: string, serve: RunningCli) => Promise<void>): Promise<void> {
  const port = await freePort();
  const serve = new RunningCli(["serve", handler, "--port", String(port), ...extra], project.dir);
  try {
    await serve.waitForStderr(/is listening/, 20_000); // a loaded machine can take a while to start it
    await use(`http://127.0.0.1:${port}`, serve);
  } finally {
    await serve.stop();
  }
}

describe("kata serve under hostile requests", () => {
  it("refuses an X-Amz-Client-Context that is not base64 of a header-safe JSON object with 400, and keeps serving", async () => {
    await serving("src/fn.handler", [], async (base, serve) => {
      const bad = { "not base64": "%%%", "CR/LF in the JSON": base64('{"client":\r\n{}}'), "not an object": base64("[1]"), "not UTF-8": Buffer.from([0x7b, 0xff, 0x7d]).toString("base64") };
      for (const [why, header] of Object.entries(bad)) {
        const reply = await httpCall(base, "POST", INVOKE, { body: "{}", headers: { "X-Amz-Client-Context": header } });
        assert.equal(reply.status, 400, why);
        assert.equal(reply.headers["x-amzn-errortype"], "InvalidRequestContentException", why);
        assert.match(JSON.parse(reply.body).message, /^X-Amz-Client-Context .*Send the base64 encoding of a JSON object/, why);
      }
      const good = await httpCall(base, "POST", INVOKE, { body: '{"n":1}', headers: { "X-Amz-Client-Context": base64('{"custom":{"tenant":"t-1"}}') } });
      assert.equal(good.status, 200, "the invocations after the refused ones are answered");
      assert.deepEqual(JSON.parse(good.body), { clientContext: { custom: { tenant: "t-1" } }, event: { n: 1 } });
      assert.equal(serve.stderr.match(/START RequestId/g)?.length, 1, "no refused request became an invocation");
    });
  });

  it("refuses an unknown X-Amz-Invocation-Type with 400 ValidationException instead of running the function", async () => {
    await serving("src/fn.handler", [], async (base, serve) => {
      const reply = await httpCall(base, "POST", INVOKE, { body: "{}", headers: { "X-Amz-Invocation-Type": "Sometimes" } });
      assert.equal(reply.status, 400);
      assert.equal(reply.headers["x-amzn-errortype"], "ValidationException");
      assert.match(JSON.parse(reply.body).message, /Value "Sometimes" at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: \[RequestResponse, Event, DryRun\]/);
      assert.equal((await httpCall(base, "POST", INVOKE, { body: "{}", headers: { "X-Amz-Invocation-Type": "RequestResponse" } })).status, 200);
      assert.equal(serve.stderr.match(/START RequestId/g)?.length, 1);
    });
  });

  it("times out a handler whose promise never settles (Sandbox.Timedout), instead of letting its process exit", async () => {
    await serving("src/fn.hang", ["--timeout", "2"], async (base) => {
      const reply = await httpCall(base, "POST", INVOKE, { body: "{}" });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers["x-amz-function-error"], "Unhandled");
      const error = JSON.parse(reply.body);
      assert.equal(error.errorType, "Sandbox.Timedout", reply.body);
      assert.match(error.errorMessage, /Task timed out after 2\.00 seconds/);
    });
  });

  it("refuses --timeout above Lambda's 900 seconds", async () => {
    for (const timeout of ["901", "2147484"]) {
      const serve = new RunningCli(["serve", "src/fn.handler", "--port", String(await freePort()), "--timeout", timeout], project.dir);
      // A serve that accepted the value would run until stopped: give it a while to exit on its own.
      const code = await Promise.race([serve.closed, new Promise((resolve) => setTimeout(resolve, 10_000, "still running"))]);
      await serve.stop();
      assert.equal(code, 1, timeout);
      assert.equal(serve.stderr.trimEnd().split("\n").at(-1), `kata serve: --timeout must be at most 900 seconds, Lambda's maximum (got ${timeout})`);
    }
  });
});
