import type { Invocation } from "./api/next-invocation.js";
import type { KataContext } from "./context.js";
import { settleByDeadline } from "./deadline.js";
import { buildContext, invocationIdOf, releaseContext } from "./invocation-context.js";
import { exposeTraceId, runInScope } from "./invocation-scope.js";
import { holdProcess } from "./hold-process.js";
import { logWarning } from "./logging/runtime-log.js";
import type { InFlight, LoopState } from "./loop-state.js";
import { reportError } from "./report-error.js";
import { respond } from "./respond.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** One invocation, from the `/next` answer to the accepted (or logged) post. Never throws, except a fatal Runtime API failure. */
export function handleInvocation(invocation: Invocation, connection: RuntimeApiConnection, loop: LoopState): Promise<void> {
  const invocationId = invocationIdOf(invocation);
  let context: KataContext;
  try {
    context = buildContext(invocation, loop.settings);
  } catch (error) {
    return reportError(connection, invocation.requestId, error, invocationId);
  }
  if (loop.concurrency === 1) exposeTraceId(context.traceId);
  return runInScope(context, () => run(invocation.body, context, connection, loop, invocationId));
}

async function run(body: Uint8Array, context: KataContext, connection: RuntimeApiConnection, loop: LoopState, invocationId: string | undefined): Promise<void> {
  const requestId = context.awsRequestId;
  const entry: InFlight = { requestId, connection, invocationId };
  warnIfDuplicate(loop, entry);
  loop.inFlight.add(entry);
  const release = holdProcess();
  let result: unknown;
  try {
    const pending = loop.invoke(body, context);
    result = await (loop.concurrency > 1 ? settleByDeadline(Promise.resolve(pending), context) : pending);
  } catch (error) {
    if (!loop.inFlight.delete(entry)) return; // the crash guard already reported it
    return reportError(connection, requestId, error, invocationId);
  } finally {
    release();
    releaseContext(context);
  }
  if (!loop.inFlight.delete(entry)) return;
  return respond(connection, requestId, result, invocationId);
}

function warnIfDuplicate(loop: LoopState, entry: InFlight): void {
  for (const other of loop.inFlight) {
    if (other.requestId === entry.requestId) {
      logWarning(`kata: the Runtime API handed out request ${entry.requestId} again while it is still running (invocation ids ${other.invocationId ?? "none"} and ${entry.invocationId ?? "none"}); both are answered`);
      return;
    }
  }
}
