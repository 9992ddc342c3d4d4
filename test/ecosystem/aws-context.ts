import type { Context } from "aws-lambda";

/** A plain `@types/aws-lambda` Context, as a unit test (or the managed runtime) passes it. */
export function awsContext(awsRequestId: string, remainingMs = 30_000): Context {
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
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
