import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { freePort, RunningCli } from "../cli/run-cli.js";
import { httpCall, type HttpReply } from "../emulator/http-client.js";
import { assertStreamsAsWritten } from "../support/streamed-http.js";
import { node22, ricMain } from "./support/node22.js";
import { taskWith } from "./support/task-dirs.js";

/**
 * aws-lambda-ric 4 (AWS's Node.js runtime client, on Node.js 22) as the function process of
 * `kata serve --exec`: kata's emulator must serve what AWS's own runtime sends, and kata/http's
 * streaming must work through the RIC's awslambda.streamifyResponse.
 */
const INVOKE = "/2015-03-31/functions/function/invocations";
const ric = `${node22} ${ricMain}`;
const actions = taskWith("interop/actions.mjs");
const streaming = taskWith("streaming/url.mjs");
const managedOnly = taskWith("interop/ric-stream.mjs");
after(() => [actions, streaming, managedOnly].forEach((task) => task.remove()));

class Served {
  serve!: RunningCli;
  base = "";

  constructor(private readonly handler: string, private readonly dir: string, private readonly extra: string[] = []) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.serve = new RunningCli(["serve", this.handler, "--exec", ric, "--port", String(port), ...this.extra], this.dir);
    await this.serve.waitForStderr(/is listening on/, 15_000);
  }

  invoke(event: unknown): Promise<HttpReply> {
    return httpCall(this.base, "POST", INVOKE, { body: JSON.stringify(event) });
  }

  stop(): Promise<unknown> {
    return this.serve.stop();
  }
}

describe("aws-lambda-ric 4 under kata serve --exec", () => {
  const echo = new Served("actions.handler", actions.dir);
  before(() => echo.start());
  after(() => echo.stop());

  it("echoes the event with the request id kata's emulator gave it", async () => {
    const reply = await echo.invoke({ orderId: "ord-1" });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["x-amz-function-error"], undefined);
    const body = JSON.parse(reply.body);
    assert.deepEqual([body.ok, body.event, body.requestId], [true, { orderId: "ord-1" }, reply.headers["x-amzn-requestid"]]);
    const again = JSON.parse((await echo.invoke({})).body);
    assert.equal(again.pid, body.pid, "the RIC's loop asked for the next invocation");
  });

  it("answers a thrown error with the document the RIC posts, flagged Unhandled", async () => {
    const reply = await echo.invoke({ action: "throw", orderId: "ord-2" });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["x-amz-function-error"], "Unhandled");
    const error = JSON.parse(reply.body);
    assert.deepEqual([error.errorType, error.errorMessage], ["TypeError", "order ord-2 is not valid"]);
    assert.equal(error.trace[0], "TypeError: order ord-2 is not valid", "the RIC names the stack `trace` (kata-runtime: `stackTrace`)");
    await echo.serve.waitForStderr(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"order ord-2 is not valid"/);
  });
});

describe("a handler of awslambda.streamifyResponse (the RIC's own API) under kata serve", () => {
  const served = new Served("ric-stream.handler", managedOnly.dir);
  before(() => served.start());
  after(() => served.stop());

  it("answers the Invoke API with the streamed bytes and their content type", async () => {
    const reply = await served.invoke({ parts: ["one;", "two;", "three"] });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-type"], "text/plain");
    assert.equal(reply.body, "one;two;three");
  });

  it("flags a stream that failed part-way as Unhandled, with the error from the trailers", async () => {
    const reply = await served.invoke({ parts: ["one;"], fail: true });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["x-amz-function-error"], "Unhandled");
    assert.deepEqual(JSON.parse(reply.body).errorMessage, "failed after the parts");
    await served.serve.waitForStderr(/\tERROR\tInvoke Error \t\{"errorType":"Error","errorMessage":"failed after the parts"/);
  });
});

describe("kata/http streaming under aws-lambda-ric (awslambda.streamifyResponse)", () => {
  it("streams stream(handler) through the RIC to the Invoke API", async () => {
    const served = new Served("actions.rows", actions.dir);
    await served.start();
    try {
      const reply = await served.invoke({ rows: 2 });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers["content-type"], "application/x-ndjson");
      assert.equal(reply.body, '{"row":1}\n{"row":2}\n');
    } finally {
      await served.stop();
    }
  });

  it("streams http(app, { stream: true }) to kata serve --http as it is written, and logs Invoke Error for a failure part-way", async () => {
    const served = new Served("url.handler", streaming.dir, ["--http"]);
    await served.start();
    try {
      await assertStreamsAsWritten(served.base);
      await served.serve.waitForStderr(/\tERROR\tInvoke Error \t\{"errorType":"RangeError","errorMessage":"the source went away"/);
    } finally {
      await served.stop();
    }
  });
});
