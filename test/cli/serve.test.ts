import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { isAlive } from "../emulator/eventually.js";
import { httpCall } from "../emulator/http-client.js";
import { projectRoot } from "../support/fixtures.js";
import { assertStreamsAsWritten } from "../support/streamed-http.js";
import { freePort, makeProject, runCli, RunningCli } from "./run-cli.js";

/** `kata serve`, run as a user runs it, answering real HTTP requests. */
const API = `const VERSION = "v1";
export async function handler(event: any) {
  if (event.rawPath === undefined) return { direct: true, pid: process.pid, event };
  const body = JSON.stringify({ version: VERSION, path: event.rawPath, query: event.queryStringParameters ?? null,
    method: event.requestContext.http.method, body: event.body ?? null });
  return { statusCode: 201, headers: { "content-type": "application/json" }, cookies: ["seen=1", "theme=dark"], body };
}
`;
const project = makeProject({ "src/api.ts": API });
after(() => project.remove());
const cwd = project.dir;
const INVOKE = "/2015-03-31/functions/function/invocations";

describe("kata serve", { concurrency: true }, () => {
  it("serves plain HTTP as API Gateway HTTP API events with --http, and the invoke endpoint", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/api.handler", "--http", "--port", String(port)], cwd);
    try {
      await serve.waitForStderr(/is listening on http:\/\/127\.0\.0\.1:\d+/);
      const base = `http://127.0.0.1:${port}`;
      const reply = await httpCall(base, "POST", "/orders?status=open", { body: '{"quantity":2}', headers: { "Content-Type": "application/json" } });
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.headers["set-cookie"], ["seen=1", "theme=dark"]);
      assert.deepEqual(JSON.parse(reply.body), { version: "v1", path: "/orders", query: { status: "open" }, method: "POST", body: '{"quantity":2}' });

      const invoked = await httpCall(base, "POST", INVOKE, { body: '{"orderId":"ord-1"}' });
      const direct = JSON.parse(invoked.body);
      assert.deepEqual([invoked.status, direct.direct, direct.event], [200, true, { orderId: "ord-1" }]);

      assert.equal(await serve.stop(), 0);
      assert.equal(isAlive(direct.pid), false, "stopping kata serve stops the function");
      assert.match(serve.stderr, /START RequestId: .*\nEND RequestId: /s, "the function's log lines go to stderr");
    } finally {
      await serve.stop();
    }
  });

  it("prints one access log line per request: method, path, status, duration and the request id of the function's START line", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/api.handler", "--http", "--port", String(port)], cwd);
    try {
      await serve.waitForStderr(/is listening/);
      const base = `http://127.0.0.1:${port}`;
      const http = await httpCall(base, "POST", "/orders?status=open", { body: "{}" });
      const invoked = await httpCall(base, "POST", INVOKE, { body: "{}" });
      const [, httpLine] = await serve.waitForStderr(/^kata serve: (POST \/orders\?status=open .*)$/m);
      const [, invokeLine] = await serve.waitForStderr(/^kata serve: (POST \/2015-03-31\/.*)$/m);
      const apigwId = http.headers["apigw-requestid"] as string;
      const invokeId = invoked.headers["x-amzn-requestid"] as string;
      assert.match(httpLine!, new RegExp(`^POST /orders\\?status=open 201 \\d+ ms request ${apigwId}$`));
      assert.match(invokeLine!, new RegExp(`^POST ${INVOKE} 200 \\d+ ms request ${invokeId}$`));
      for (const id of [apigwId, invokeId]) assert.match(serve.stderr, new RegExp(`START RequestId: ${id} `));
    } finally {
      await serve.stop();
    }
  });

  it("answers plain HTTP with a 404 that explains --http when it is off", async () => {
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/api.handler", "--port", String(port)], cwd);
    try {
      await serve.waitForStderr(/is listening/);
      const reply = await httpCall(`http://127.0.0.1:${port}`, "GET", "/orders");
      assert.equal(reply.status, 404);
      assert.match(JSON.parse(reply.body).errorMessage, /start kata serve with --http/);
    } finally {
      await serve.stop();
    }
  });

  it("restarts the function with the new code when a source file changes, with --watch", async () => {
    const watched = makeProject({ "src/api.ts": API });
    const port = await freePort();
    const serve = new RunningCli(["serve", "src/api.handler", "--http", "--watch", "--port", String(port)], watched.dir);
    try {
      await serve.waitForStderr(/is listening/);
      const get = async () => JSON.parse((await httpCall(`http://127.0.0.1:${port}`, "GET", "/")).body).version as string;
      assert.equal(await get(), "v1");
      const file = join(watched.dir, "src/api.ts");
      writeFileSync(file, readFileSync(file, "utf8").replace('"v1"', '"v2"'));
      await serve.waitForStderr(/src\/api\.ts changed; restarting the function/);
      assert.equal(await waitForVersion(get, "v2"), "v2");
    } finally {
      await serve.stop();
      watched.remove();
    }
  });

  it("exits 1 with one line when the port is in use", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)));
    try {
      const run = await runCli(["serve", "src/api.handler", "--port", String(port)], { cwd });
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trimEnd().split("\n").at(-1), `kata serve: port ${port} on 127.0.0.1 is already in use; stop what is using it or pick another port with --port`);
    } finally {
      blocker.close();
    }
  });
});

/** Polls until the function answers with `expected` (a restart takes a moment), for at most 5 s. */
async function waitForVersion(get: () => Promise<string>, expected: string): Promise<string> {
  const until = Date.now() + 5000;
  for (;;) {
    const version = await get();
    if (version === expected || Date.now() > until) return version;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Apart from the suite above, whose servers start all at once.
describe("kata serve --http with a streaming handler", () => {
  it("relays a streamed response with --http as it is written: prelude status and headers, chunk by chunk, cut off on a failure", async () => {
    const streaming = makeProject({ "url.mjs": readFileSync(join(projectRoot, "test/fixtures/handlers/streaming/url.mjs"), "utf8") }, { kata: true });
    const port = await freePort();
    const serve = new RunningCli(["serve", "url.handler", "--http", "--port", String(port)], streaming.dir);
    try {
      await serve.waitForStderr(/is listening/, 15_000);
      await assertStreamsAsWritten(`http://127.0.0.1:${port}`);
      await serve.waitForStderr(/\tERROR\tInvoke Error\t\{"errorType":"RangeError","errorMessage":"the source went away"/);
    } finally {
      await serve.stop();
      streaming.remove();
    }
  });
});
