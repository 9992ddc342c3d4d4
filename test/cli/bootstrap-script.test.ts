import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bootstrapScript } from "../../cli/bootstrap-script.js";

/** The packaged `bootstrap` (bash) against a real Runtime API server on 127.0.0.1. */
describe("the provided.* bootstrap without Node.js", () => {
  const dir = mkdtempSync(join(tmpdir(), "kata-bootstrap-"));
  const bootstrap = join(dir, "bootstrap");
  const posts: { path: string; type: string | undefined; body: string; answeredAt: number }[] = [];
  let server: Server;
  let address: string;

  before(async () => {
    writeFileSync(bootstrap, bootstrapScript({ handler: "index.handler", runtimeFile: "kata-runtime.cjs", sourceMaps: true }));
    chmodSync(bootstrap, 0o755);
    server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      // A slow Runtime API: the bootstrap must still be running when the answer comes.
      req.on("end", () =>
        setTimeout(() => {
          posts.push({ path: req.url ?? "", type: req.headers["lambda-runtime-function-error-type"] as string | undefined, body, answeredAt: performance.now() });
          res.writeHead(202, { "Content-Type": "application/json" }).end('{"status":"OK"}');
        }, 300),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function runBootstrap(env: Record<string, string>) {
    posts.length = 0;
    const child = spawn("/bin/bash", [bootstrap], { env: { PATH: "/nonexistent", AWS_LAMBDA_RUNTIME_API: address, LAMBDA_TASK_ROOT: dir, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const [code, exitedAt] = await new Promise<[number | null, number]>((resolve) => child.once("exit", (exitCode) => resolve([exitCode, performance.now()])));
    return { code, exitedAt, stderr, posts: posts.map(({ path, type, body }) => ({ path, type, body: JSON.parse(body) as unknown })) };
  }

  it("waits for /runtime/init/error to be answered before it exits, even with nothing on PATH", async () => {
    const run = await runBootstrap({});
    const message = "No Node.js found: OS-only runtimes have none. Add a layer with bin/node, set KATA_NODE, or package with --runtime nodejs22.x.";
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `kata bootstrap: ${message}\n`);
    assert.deepEqual(run.posts, [
      { path: "/2018-06-01/runtime/init/error", type: "Runtime.NodeNotFound", body: { errorType: "Runtime.NodeNotFound", errorMessage: message } },
    ]);
    assert.ok(run.exitedAt >= posts[0]!.answeredAt, "the bootstrap exited before the Runtime API answered, so Lambda may see a bare exit");
  });

  it("posts valid JSON when KATA_NODE holds quotes and backslashes", async () => {
    const run = await runBootstrap({ KATA_NODE: String.raw`/opt/"my"\node` });
    assert.deepEqual(run.posts.map((post) => post.body), [
      { errorType: "Runtime.NodeNotFound", errorMessage: String.raw`KATA_NODE is set to /opt/"my"\node, which is not an executable file.` },
    ]);
  });
});
