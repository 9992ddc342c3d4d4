import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { handlersDir, json, spawnAgainstMock } from "./harness.js";

const INIT_ERROR = "/2018-06-01/runtime/init/error";

describe("kata-runtime loads the handler module", () => {
  const cases: { name: string; handler: string; loadedAs: string }[] = [
    { name: "an ES module (.mjs)", handler: "esm/echo.handler", loadedAs: "" },
    { name: "a .js ES module under package.json type module, nested export", handler: "type-module/index.handlers.orders", loadedAs: "esm .js" },
    { name: "a .js CommonJS module under package.json type commonjs", handler: "type-commonjs/index.handler", loadedAs: "cjs .js" },
    { name: "a nested export of a .js CommonJS module", handler: "type-commonjs/index.handlers.orders", loadedAs: "cjs .js nested" },
    { name: "a .cjs module that replaced module.exports", handler: "cjs/index.handlers.orders", loadedAs: "cjs" },
  ];
  for (const { name, handler, loadedAs } of cases) {
    it(`runs ${name} given as the first argument (${handler})`, async () => {
      const runtime = await spawnAgainstMock([handler]);
      try {
        const outcome = await runtime.api.enqueue({ requestId: "bin-1", body: { hello: "world" } });
        assert.equal(outcome.kind, "response");
        const body = json(outcome.body);
        if (loadedAs) assert.equal(body.loadedAs, loadedAs);
        assert.deepEqual(body.event, { hello: "world" });
      } finally {
        await runtime.end();
      }
    });
  }

  it("reads _HANDLER relative to LAMBDA_TASK_ROOT when there is no argument", async () => {
    const runtime = await spawnAgainstMock([], { _HANDLER: "echo.handler", LAMBDA_TASK_ROOT: join(handlersDir, "esm"), AWS_LAMBDA_FUNCTION_NAME: "from-env" });
    try {
      const body = json((await runtime.api.enqueue({ requestId: "env-1", body: [1, 2] })).body);
      assert.deepEqual(body.event, [1, 2]);
      assert.equal(body.awsRequestId, "env-1");
      assert.equal(body.functionName, "from-env");
    } finally {
      await runtime.end();
    }
  });

  it("answers a legacy callback handler (cjs)", async () => {
    const runtime = await spawnAgainstMock(["cjs/callback.handler"]);
    try {
      assert.deepEqual(json((await runtime.api.enqueue({ body: { n: 41 } })).body), { viaCallback: 42 });
    } finally {
      await runtime.end();
    }
  });

  it("runs a module with top-level await once (import() where require() cannot load it)", async () => {
    const runtime = await spawnAgainstMock(["esm/top-level-await.handler"]);
    try {
      assert.deepEqual(json((await runtime.api.enqueue({ body: {} })).body), { awaited: "yes", evaluations: 1 });
    } finally {
      await runtime.end();
    }
  });

  it("keeps the heap limit of --max-old-space-size and Node's built-in code cache", async () => {
    const runtime = await spawnAgainstMock(["esm/heap.handler"], {}, undefined, ["--max-old-space-size=300"]);
    const outcome = await runtime.api.enqueue({ body: {} }).finally(() => runtime.end());
    const { stderr } = await runtime.end();
    const { heapSizeLimitMb, codeCacheTag } = json(outcome.body);
    assert.ok(heapSizeLimitMb >= 300 && heapSizeLimitMb < 400, `heap limit ${heapSizeLimitMb} MB`);
    // The tag hashes the V8 flags that the built-in code cache is checked against: as without flags.
    const bare = execFileSync(process.execPath, ["-p", "require('node:v8').cachedDataVersionTag()"], { encoding: "utf8" }).trim();
    assert.equal(String(codeCacheTag), bare);
    assert.equal(stderr, "", "no warning (process.binding is deprecated)");
  });

  it("runs a bootstrap script that calls start() itself", async () => {
    const runtime = await spawnAgainstMock([], {}, join(handlersDir, "scripts", "start-echo.mjs"));
    try {
      assert.deepEqual(json((await runtime.api.enqueue({ requestId: "script-1", body: { s: 1 } })).body), { event: { s: 1 }, awsRequestId: "script-1" });
    } finally {
      await runtime.end();
    }
  });
});

describe("kata-runtime reports init errors to /runtime/init/error and exits 1", () => {
  const cases: { name: string; args: string[]; env?: Record<string, string>; script?: string; type: string; message: RegExp }[] = [
    { name: "a missing module", args: ["esm/nope.handler"], type: "Runtime.ImportModuleError", message: /Cannot find module '.*\/esm\/nope' \(tried \.js, \.mjs, \.cjs\) for handler 'esm\/nope\.handler'/ },
    { name: "a module whose import fails", args: ["broken/imports-missing.handler"], type: "Runtime.ImportModuleError", message: /Importing .*imports-missing\.mjs failed: Error: Cannot find module .*does-not-exist\.mjs/ },
    { name: "a module that throws while imported", args: ["broken/throws-on-import.handler"], type: "Runtime.ImportModuleError", message: /throws-on-import\.mjs failed: Error: config missing: DB_URL/ },
    { name: "a syntax error", args: ["broken/syntax-error.handler"], type: "Runtime.UserCodeSyntaxError", message: /syntax-error\.mjs: Unexpected token/ },
    { name: "a missing export", args: ["broken/no-handler.handler"], type: "Runtime.HandlerNotFound", message: /broken\/no-handler\.handler is undefined or not exported: .*no-handler\.mjs exports notAFunction, other, and 'handler' is not among them/ },
    { name: "an export that is not a function", args: ["broken/no-handler.notAFunction"], type: "Runtime.HandlerNotFound", message: /'notAFunction' is of type object, not a function/ },
    { name: "a malformed handler name", args: ["index"], type: "Runtime.MalformedHandlerName", message: /'index' is not a valid handler name\. Use path\/module\.export/ },
    { name: "no handler at all", args: [], type: "Runtime.MalformedHandlerName", message: /No handler given\. Set _HANDLER/ },
    { name: "a throw in start() before the loop runs", args: [], script: join(handlersDir, "scripts", "bad-concurrency.mjs"), type: "Runtime.ConfigInvalid", message: /the concurrency option of start\(\) must be a whole number of at least 1, got 0/ },
    { name: "an invalid AWS_LAMBDA_MAX_CONCURRENCY", args: ["esm/echo.handler"], env: { AWS_LAMBDA_MAX_CONCURRENCY: "many" }, type: "Runtime.ConfigInvalid", message: /AWS_LAMBDA_MAX_CONCURRENCY \("many"\) must be a whole number/ },
  ];
  for (const { name, args, env, script, type, message } of cases) {
    it(`reports ${name} as ${type}`, async () => {
      const runtime = await spawnAgainstMock(args, env, script);
      const exit = await runtime.exited;
      await runtime.end();
      assert.equal(exit.code, 1, `exit code (stderr: ${exit.stderr})`);
      const [initError, ...more] = runtime.api.initErrors;
      assert.equal(more.length, 0);
      assert.equal(initError!.method, "POST");
      assert.equal(initError!.path, INIT_ERROR);
      assert.equal(initError!.headers["lambda-runtime-function-error-type"], type);
      const body = json(initError!.body);
      assert.deepEqual(Object.keys(body), ["errorType", "errorMessage", "stackTrace"]);
      assert.equal(body.errorType, type);
      assert.match(body.errorMessage, message);
      assert.ok(!runtime.api.requests.some((r) => r.path.endsWith("/invocation/next")), "no invocation is polled after a failed init");
      assert.match(exit.stdout, new RegExp(`\\t-\\tERROR\\tInit Error\\t\\{"errorType":"${type.replace(".", "\\.")}"`));
    });
  }
});
