import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Emulator, type EmulatorOptions } from "../../emulator/emulator.js";
import { eventually, isAlive } from "./eventually.js";
import { httpCall } from "./http-client.js";
import { writePlainRuntime } from "./plain-runtime.js";

/** The emulator driving a Runtime API client that is not kata's: any conforming client must work. */
const runtime = writePlainRuntime();
after(() => runtime.cleanup());

interface Echo {
  event: unknown;
  pid: number;
  now: number;
  headers: Record<string, string>;
  env: Record<string, string | undefined>;
}

function start(options: Partial<EmulatorOptions> & { logs?: EmulatorOptions["logs"] } = {}): Promise<Emulator> {
  return Emulator.start({
    command: [process.execPath, runtime.script],
    handler: "src/orders.handler",
    taskRoot: runtime.dir,
    functionName: "orders",
    memorySizeMb: 512,
    region: "eu-central-1",
    timeoutSeconds: 2,
    environment: { MY_SETTING: "on", AWS_REGION: "overridden?" },
    logs: () => {},
    ...options,
  });
}

const echoOf = (payload: Buffer) => JSON.parse(payload.toString()) as Echo;

describe("emulator with a plain Runtime API client", () => {
  let emulator: Emulator;
  const logs: string[] = [];
  before(async () => (emulator = await start({ logs: (text) => logs.push(text) })));
  after(() => emulator.close());

  it("runs the function with Lambda's environment variables", async () => {
    const { env } = echoOf((await emulator.invoke({})).payload);
    assert.deepEqual({ ...env, AWS_LAMBDA_LOG_STREAM_NAME: undefined }, {
      _HANDLER: "src/orders.handler",
      LAMBDA_TASK_ROOT: runtime.dir,
      AWS_LAMBDA_FUNCTION_NAME: "orders",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "512",
      AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/orders",
      AWS_LAMBDA_LOG_STREAM_NAME: undefined,
      AWS_REGION: "eu-central-1",
      TZ: ":UTC",
      AWS_LAMBDA_RUNTIME_API: emulator.address,
      MY_SETTING: "on",
    });
    assert.match(env.AWS_LAMBDA_LOG_STREAM_NAME!, /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it("sets an absolute deadline from the function timeout", async () => {
    const echo = echoOf((await emulator.invoke({})).payload);
    const remaining = Number(echo.headers["lambda-runtime-deadline-ms"]) - echo.now;
    assert.ok(remaining > 1800 && remaining <= 2000, `${remaining} ms left of a 2 s timeout`);
  });

  it("returns the function's response and its error document", async () => {
    assert.deepEqual(echoOf((await emulator.invoke({ orderId: "ord-7" })).payload).event, { orderId: "ord-7" });
    const failed = await emulator.invoke({ action: "fail", message: "out of stock" });
    assert.deepEqual(failed.error, { errorType: "Function.PlainError", errorMessage: "out of stock", stackTrace: ["at plain"] });
  });

  it("writes START, the function's output, END and REPORT in order to a shared log file", async () => {
    const logFile = join(runtime.dir, "function.log");
    const fd = openSync(logFile, "w");
    const logged = await start({ logs: fd });
    let requestId: string;
    try {
      ({ requestId } = await logged.invoke({ action: "log", line: "reserved 2 mugs" }));
    } finally {
      await logged.close();
      closeSync(fd);
    }
    const lines = readFileSync(logFile, "utf8").split("\n").filter((line) => line !== "");
    assert.equal(lines[0], `START RequestId: ${requestId} Version: $LATEST`);
    assert.equal(lines[1], "reserved 2 mugs");
    assert.equal(lines[2], `END RequestId: ${requestId}`);
    assert.match(lines[3]!, new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 512 MB`));
  });

  it("writes END and REPORT when the runtime asks for the next invocation, so that lines logged after the response come before them", async () => {
    const logFile = join(runtime.dir, "after.log");
    const fd = openSync(logFile, "w");
    const logged = await start({ logs: fd });
    let requestId: string;
    try {
      ({ requestId } = await logged.invoke({ action: "log-after", line: "flushed after answering", ms: 200 }));
      const answered = readFileSync(logFile, "utf8");
      assert.doesNotMatch(answered, /END RequestId/, "the response alone does not end the invocation");
      await logged.invoke({});
    } finally {
      await logged.close();
      closeSync(fd);
    }
    const lines = readFileSync(logFile, "utf8").split("\n").filter((line) => line !== "");
    assert.deepEqual(lines.slice(0, 3), [`START RequestId: ${requestId} Version: $LATEST`, "flushed after answering", `END RequestId: ${requestId}`]);
    const duration = Number(/^REPORT RequestId: \S+\tDuration: (\d+\.\d\d) ms/.exec(lines[3]!)?.[1]);
    assert.ok(duration >= 200, `the duration (${duration} ms) runs until the runtime asks for more work`);
  });

  it("fails the invocation with Function.ResponseSizeTooLarge when the client posts over 6 MB", async () => {
    logs.length = 0;
    const result = await emulator.invoke({ action: "big", bytes: 6_300_000 });
    assert.equal(result.error?.errorType, "Function.ResponseSizeTooLarge");
    await eventually(() => (logs.join("").includes("big response status 413") ? true : undefined), "the client to see 413");
  });

  it("serves the Invoke API, flagging failures with X-Amz-Function-Error", async () => {
    const path = "/2015-03-31/functions/function/invocations";
    const ok = await httpCall(emulator.url, "POST", path, { body: '{"orderId":"ord-8"}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body).event, { orderId: "ord-8" });
    assert.equal(ok.headers["x-amz-function-error"], undefined);
    assert.equal(ok.headers["x-amz-executed-version"], "$LATEST");

    const failed = await httpCall(emulator.url, "POST", path, { body: '{"action":"fail","message":"nope"}' });
    assert.equal(failed.status, 200);
    assert.equal(failed.headers["x-amz-function-error"], "Unhandled");
    assert.deepEqual(JSON.parse(failed.body), { errorType: "Function.PlainError", errorMessage: "nope", stackTrace: ["at plain"] });

    const clientContext = Buffer.from('{"custom":{"app":"shop"}}').toString("base64");
    const withContext = await httpCall(emulator.url, "POST", path, { body: "{}", headers: { "X-Amz-Client-Context": clientContext } });
    assert.equal(JSON.parse(withContext.body).headers["lambda-runtime-client-context"], '{"custom":{"app":"shop"}}');

    assert.equal((await httpCall(emulator.url, "POST", path, { body: "{}", headers: { "X-Amz-Invocation-Type": "DryRun" } })).status, 204);
    assert.equal((await httpCall(emulator.url, "POST", path, { body: "{}", headers: { "X-Amz-Invocation-Type": "Event" } })).status, 202);
    const huge = await httpCall(emulator.url, "POST", path, { body: Buffer.alloc(6 * 1024 * 1024 + 1, 0x20) });
    assert.equal(huge.status, 413);
    assert.equal(huge.headers["x-amzn-errortype"], "RequestTooLargeException");
  });
});

describe("emulator restarts the function process as Lambda does", () => {
  it("replaces a process that timed out, and the next invocation runs in the new one", async () => {
    const emulator = await start({ timeoutSeconds: 0.4 });
    try {
      const firstPid = echoOf((await emulator.invoke({})).payload).pid;
      const timedOut = await emulator.invoke({ action: "sleep", ms: 5000 });
      assert.equal(timedOut.error?.errorType, "Sandbox.Timedout");
      assert.match(timedOut.error!.errorMessage, /Task timed out after 0\.40 seconds$/);
      const nextPid = echoOf((await emulator.invoke({})).payload).pid;
      assert.notEqual(nextPid, firstPid);
      assert.equal(isAlive(firstPid), false);
    } finally {
      await emulator.close();
    }
  });

  it("reports a process that exits mid-invocation as Runtime.ExitError, then starts a new one", async () => {
    const emulator = await start();
    try {
      const exited = await emulator.invoke({ action: "exit", code: 7 });
      assert.deepEqual(exited.error, { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${exited.requestId} Error: Runtime exited with error: exit status 7` });
      assert.ok(echoOf((await emulator.invoke({})).payload).pid > 0);
    } finally {
      await emulator.close();
    }
  });

  it("serves an init error to the first invocation, whether it came before or after init", async () => {
    for (const eager of [true, false]) {
      const emulator = await start({ environment: { PLAIN_INIT: "error" }, eager });
      try {
        if (eager) await eventually(() => (emulator.pid === undefined ? true : undefined), "the failed process to exit");
        const result = await emulator.invoke({});
        assert.equal(result.phase, "init", `eager: ${eager}`);
        assert.deepEqual(result.error, { errorType: "Runtime.PlainInitError", errorMessage: "init failed on purpose" });
      } finally {
        await emulator.close();
      }
    }
  });

  it("does not serve an old init error once restart() has started a process that initialises", async () => {
    const flag = join(runtime.dir, "broken-code");
    writeFileSync(flag, "");
    const emulator = await start({ environment: { PLAIN_INIT_UNLESS_MISSING: flag } });
    try {
      await eventually(() => (emulator.pid === undefined ? true : undefined), "the failed init");
      rmSync(flag); // the code is fixed
      await emulator.restart();
      const result = await emulator.invoke({ orderId: "ord-9" });
      assert.equal(result.error, undefined, result.payload.toString());
      assert.deepEqual(echoOf(result.payload).event, { orderId: "ord-9" });
    } finally {
      await emulator.close();
    }
  });

  it("reports a process that dies during init as Runtime.ExitError", async () => {
    const emulator = await start({ environment: { PLAIN_INIT: "crash" }, eager: false });
    try {
      const result = await emulator.invoke({});
      assert.equal(result.phase, "init");
      assert.equal(result.error?.errorMessage, `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 3`);
    } finally {
      await emulator.close();
    }
  });

  it("restart() replaces the process, and close() stops it", async () => {
    const emulator = await start();
    const firstPid = echoOf((await emulator.invoke({})).payload).pid;
    await emulator.restart();
    const secondPid = echoOf((await emulator.invoke({})).payload).pid;
    assert.notEqual(secondPid, firstPid);
    assert.equal(isAlive(firstPid), false);
    await emulator.close();
    assert.equal(isAlive(secondPid), false);
  });
});
