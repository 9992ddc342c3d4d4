import type { Invocation } from "./api/next-invocation.js";
import type { LambdaContext } from "./context.js";
import { settleByDeadline } from "./deadline.js";
import { buildContext, invocationIdOf } from "./invocation-context.js";
import { exposeTraceId, runInScope } from "./invocation-scope.js";
import type { LoopState } from "./loop-state.js";
import { reportError } from "./report-error.js";
import { respond } from "./respond.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/** One invocation, from the `/next` answer to the accepted (or logged) post. Never throws, except a fatal Runtime API failure. */
export function handleInvocation(invocation: Invocation, connection: RuntimeApiConnection, loop: LoopState): Promise<void> {
  const invocationId = invocationIdOf(invocation);
  let context: LambdaContext;
  try {
    context = buildContext(invocation, loop.settings);
  } catch (error) {
    return reportError(connection, invocation.requestId, error, invocationId);
  }
  if (loop.concurrency === 1) exposeTraceId(context.traceId);
  return runInScope(context, () => run(invocation.body, context, connection, loop, invocationId));
}

async function run(body: Uint8Array, context: LambdaContext, connection: RuntimeApiConnection, loop: LoopState, invocationId: string | undefined): Promise<void> {
  const requestId = context.awsRequestId;
  loop.inFlight.set(requestId, { connection, invocationId });
  let result: unknown;
  try {
    const pending = loop.invoke(body, context);
    result = await (loop.concurrency > 1 ? settleByDeadline(Promise.resolve(pending), context) : pending);
  } catch (error) {
    if (!loop.inFlight.delete(requestId)) return; // the crash guard already reported it
    return reportError(connection, requestId, error, invocationId);
  }
  if (!loop.inFlight.delete(requestId)) return;
  return respond(connection, requestId, result, invocationId);
}
