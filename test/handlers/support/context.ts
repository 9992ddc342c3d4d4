import type { LambdaContext } from "../../../runtime/context.js";

/** The fields every Lambda context has, and nothing optional: a deadline `remainingMs` from now. */
export function contextFields(awsRequestId: string, remainingMs: number) {
  const deadline = Date.now() + remainingMs;
  return {
    awsRequestId,
    invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:orders",
    functionName: "orders",
    functionVersion: "$LATEST",
    memoryLimitInMB: "128",
    logGroupName: "/aws/lambda/orders",
    logStreamName: "2024/11/24/[$LATEST]0123456789abcdef",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

/**
 * The context AWS's managed Node.js runtime passes: no `deadlineMs`, `signal` or `traceId`,
 * which kata's handlers must add themselves.
 */
export function managedContext(awsRequestId = "managed-req-1", remainingMs = 30_000): LambdaContext {
  return contextFields(awsRequestId, remainingMs);
}

/** What AWS's managed runtime does with an event: it arrives as parsed JSON. */
export function asDelivered<T>(event: T): unknown {
  return JSON.parse(JSON.stringify(event));
}
