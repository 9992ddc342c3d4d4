import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The Host that makes kata/http take an HTTP API v2 event for a Function URL's, which can stream. */
export const FUNCTION_URL_HOST = "abcdefg7hijklmnop.lambda-url.us-east-1.on.aws";

/** A streamed HTTP response read chunk by chunk: the first chunk as soon as it arrives, then the rest. */
interface OpenStream {
  response: IncomingMessage;
  firstChunk: Promise<string>;
  /** The rest of the body, and whether the response ended properly (false: cut off). */
  rest: Promise<{ body: string; complete: boolean }>;
}

function openStream(base: string, headers: Record<string, string>): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(new URL("/stream", base), { headers: { host: FUNCTION_URL_HOST, ...headers }, agent: false }, (response) => {
      let first: (chunk: string) => void;
      const firstChunk = new Promise<string>((r) => (first = r));
      let seen = 0;
      let body = "";
      const rest = new Promise<{ body: string; complete: boolean }>((done) => {
        response.on("data", (chunk: Buffer) => (seen++ === 0 ? first(chunk.toString()) : (body += chunk.toString())));
        response.once("end", () => done({ body, complete: response.complete }));
        response.once("error", () => done({ body, complete: false }));
        response.once("aborted", () => done({ body, complete: false }));
      });
      resolve({ response, firstChunk, rest });
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Checks `test/fixtures/handlers/streaming/url.mjs` served at `base` (`kata serve --http`): the
 * status and headers of the prelude reach the client, the first chunk arrives while the function
 * still waits to write the second, and a failure part-way cuts the response off.
 */
export async function assertStreamsAsWritten(base: string): Promise<void> {
  const gates = mkdtempSync(join(tmpdir(), "kata-gate-"));
  try {
    const ok = await openStream(base, { "x-gate": join(gates, "ok") });
    assert.equal(ok.response.statusCode, 207);
    assert.equal(ok.response.headers["x-streamed"], "yes");
    assert.equal(ok.response.headers["content-type"], "text/plain");
    assert.deepEqual(ok.response.headers["set-cookie"], ["flavour=plain"]);
    assert.equal(await ok.firstChunk, "first;", "the first chunk arrives before the function writes the second");
    writeFileSync(join(gates, "ok"), "");
    assert.deepEqual(await ok.rest, { body: "second", complete: true });

    const failing = await openStream(base, { "x-gate": join(gates, "fail"), "x-fail": "1" });
    assert.equal(failing.response.statusCode, 207);
    assert.equal(await failing.firstChunk, "first;");
    writeFileSync(join(gates, "fail"), "");
    const cut = await failing.rest;
    assert.equal(cut.complete, false, "a stream that fails part-way is cut off, not ended as if it were whole");
  } finally {
    rmSync(gates, { recursive: true, force: true });
  }
}
