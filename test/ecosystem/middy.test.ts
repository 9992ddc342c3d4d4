import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import middy, { type MiddlewareObj } from "@middy/core";
import type { SQSBatchResponse, SQSEvent } from "../../events.js";
import { onOrderMessage } from "../generated/index.js";
import { orderBody, sqsEvent } from "../handlers/support/events.js";
import { runUnderKata, type KataLoop } from "../handlers/support/loop.js";
import { awsContext } from "./aws-context.js";

// middy 7 around a generated handler: `middy(onOrderMessage(fn)).use(...)` type-checks with
// middy's own types (@types/aws-lambda's Context) and runs, called directly and under kata's loop.

/** A real middleware: records what it saw before and after the handler. */
function recorder(calls: string[]): MiddlewareObj<SQSEvent, SQSBatchResponse> {
  return {
    before: (request) => void calls.push(`before ${request.context.awsRequestId} ${request.event.Records.length} records`),
    after: (request) => void calls.push(`after ${request.context.awsRequestId} ${JSON.stringify(request.response)}`),
  };
}

function middyfied(calls: string[]) {
  return middy(
    onOrderMessage(async (message, _record, context) => {
      // kata's fields are there under middy too.
      calls.push(`fn ${message.orderId} deadline ${Number.isFinite(context.deadlineMs)} aborted ${context.signal.aborted}`);
      if (message.quantity === 13) throw new Error(`unlucky order ${message.orderId}`);
    }),
  ).use(recorder(calls));
}

const batch = () => sqsEvent([orderBody("ord-1"), "not json", orderBody("ord-3", 13)]);
const failures = { batchItemFailures: [{ itemIdentifier: "msg-1" }, { itemIdentifier: "msg-2" }] };

describe("middy(onOrderMessage(fn)).use(middleware)", () => {
  it("runs the middleware around kata's handler when called with a plain Context", async () => {
    const calls: string[] = [];
    const result = await middyfied(calls)(batch(), awsContext("req-middy-direct"));
    assert.deepEqual(result, failures);
    assert.deepEqual(calls, [
      "before req-middy-direct 3 records",
      "fn ord-1 deadline true aborted false",
      "fn ord-3 deadline true aborted false",
      `after req-middy-direct ${JSON.stringify(failures)}`,
    ]);
  });

  describe("under kata's start() against the Runtime API", () => {
    const calls: string[] = [];
    let loop: KataLoop;
    before(async () => {
      loop = await runUnderKata(middyfied(calls));
    });
    after(() => loop.stop());

    it("posts the batch response that the middleware saw, with the loop's request id", async () => {
      const outcome = await loop.invoke(batch(), "req-middy-loop");
      assert.equal(outcome.kind, "response");
      assert.deepEqual(outcome.json, failures);
      assert.equal(loop.api.postsFor("req-middy-loop")[0]?.path, "/2018-06-01/runtime/invocation/req-middy-loop/response");
      assert.deepEqual(calls, [
        "before req-middy-loop 3 records",
        "fn ord-1 deadline true aborted false",
        "fn ord-3 deadline true aborted false",
        `after req-middy-loop ${JSON.stringify(failures)}`,
      ]);
    });
  });
});
