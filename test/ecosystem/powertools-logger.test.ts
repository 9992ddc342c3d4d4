import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { orderBody, sqsEvent } from "../handlers/support/events.js";
import { spawnAgainstMock } from "../runtime/harness.js";

// The real @aws-lambda-powertools/logger under kata-runtime. With AWS_LAMBDA_MAX_CONCURRENCY set,
// Powertools keeps its per-invocation state in the managed runtime's InvokeStore (and throws
// without one); kata's loop provides it from its own invocation scope.

interface PowertoolsLine {
  level: string;
  message: string;
  function_request_id?: string;
  xray_trace_id?: string;
  orderId?: string;
}

const traceOf = (n: number) => `Root=1-67890abc-00000000000000000000000${n};Parent=557abcec3ee5a047;Sampled=1`;

async function run(env: Record<string, string>, orders: [requestId: string, orderId: string, quantity: number][]): Promise<PowertoolsLine[]> {
  const runtime = await spawnAgainstMock(["esm/powertools-logger.handler"], { AWS_LAMBDA_FUNCTION_NAME: "orders", ...env });
  const answered = Promise.all(
    orders.map(([requestId, orderId, quantity], n) =>
      runtime.api.enqueue({ requestId, body: sqsEvent([orderBody(orderId, quantity)]), headers: { "Lambda-Runtime-Trace-Id": traceOf(n) } }),
    ),
  );
  // A runtime that dies (e.g. Powertools throwing "InvokeStore is not available" at init) fails the test instead of hanging it.
  const died = runtime.exited.then((exit) => assert.fail(`kata-runtime exited (${exit.code}) before answering: ${exit.stderr}${exit.stdout}`));
  const outcomes = await Promise.race([answered, died]);
  const exit = await runtime.end();
  for (const outcome of outcomes) assert.equal(outcome.body.toString(), '{"batchItemFailures":[]}', `${outcome.requestId}: ${outcome.body.toString()}`);
  assert.equal(exit.stderr, "");
  return exit.stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as PowertoolsLine);
}

const summary = (lines: PowertoolsLine[]) => lines.map((line) => [line.message, line.orderId, line.function_request_id, line.xray_trace_id]);
const root = (n: number) => traceOf(n).split(";")[0]!.slice("Root=".length);

describe("Powertools Logger under kata-runtime", () => {
  it("with AWS_LAMBDA_MAX_CONCURRENCY=3: each concurrent invocation's lines carry its own function_request_id and trace id", async () => {
    const lines = await run({ AWS_LAMBDA_MAX_CONCURRENCY: "3" }, [
      ["req-slow", "ord-slow", 10],
      ["req-fast", "ord-fast", 1],
      ["req-mid", "ord-mid", 4],
    ]);
    assert.deepEqual(summary(lines.filter((line) => line.message === "initialised")), [["initialised", undefined, undefined, undefined]]);
    const byOrder = (orderId: string) => summary(lines.filter((line) => line.orderId === orderId));
    assert.deepEqual(byOrder("ord-slow"), [["reserving", "ord-slow", "req-slow", root(0)], ["reserved", "ord-slow", "req-slow", root(0)]]);
    assert.deepEqual(byOrder("ord-fast"), [["reserving", "ord-fast", "req-fast", root(1)], ["reserved", "ord-fast", "req-fast", root(1)]]);
    assert.deepEqual(byOrder("ord-mid"), [["reserving", "ord-mid", "req-mid", root(2)], ["reserved", "ord-mid", "req-mid", root(2)]]);
    // They really ran at the same time: all three had started before the slow one finished.
    const order = lines.map((line) => `${line.message} ${line.orderId}`);
    assert.ok(order.indexOf("reserved ord-fast") < order.indexOf("reserved ord-slow"), order.join(", "));
    assert.ok(order.indexOf("reserving ord-mid") < order.indexOf("reserved ord-slow"), order.join(", "));
  });

  it("one invocation at a time (no AWS_LAMBDA_MAX_CONCURRENCY): the request id and trace id of each", async () => {
    const lines = await run({}, [["req-1", "ord-1", 1]]);
    assert.deepEqual(summary(lines), [
      ["initialised", undefined, undefined, undefined],
      ["reserving", "ord-1", "req-1", root(0)],
      ["reserved", "ord-1", "req-1", root(0)],
    ]);
  });
});
