/** Cognito identity of the caller, from `Lambda-Runtime-Cognito-Identity` (mobile SDK invocations). */
export interface CognitoIdentity {
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}

/** Client context, from `Lambda-Runtime-Client-Context` (mobile SDK invocations). */
export interface ClientContext {
  // Objects, not records, so that @types/aws-lambda's `ClientContext` (interfaces) fits.
  client?: object | undefined;
  custom?: unknown;
  env?: object | undefined;
}

/**
 * The context a handler is called with: the managed Node.js runtime's fields (what
 * `@types/aws-lambda`'s `Context` declares, so a plain `Context` can be passed), and what kata's
 * loop adds, optional here because the managed runtime and unit tests don't provide it.
 * `kataContext(context)` always has kata's fields; the functions given to `onName` get it.
 */
export interface LambdaContext {
  awsRequestId: string;
  invokedFunctionArn: string;
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
  identity?: CognitoIdentity | undefined;
  clientContext?: ClientContext | undefined;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  /** Tenant id (`Lambda-Runtime-Aws-Tenant-Id`) for tenant-isolated functions, if any. */
  tenantId?: string | undefined;
  /** Absolute deadline, epoch milliseconds (`Lambda-Runtime-Deadline-Ms`). Set by kata's loop. */
  deadlineMs?: number | undefined;
  /** X-Ray trace header (`Lambda-Runtime-Trace-Id`), if any. */
  traceId?: string | undefined;
  /** Aborts when the deadline passes, so that I/O started by the handler can be cancelled. Set by kata's loop. */
  signal?: AbortSignal | undefined;
}

/** A context with kata's fields present: what kata's loop builds and what `kataContext()` returns. */
export interface KataContext extends LambdaContext {
  deadlineMs: number;
  signal: AbortSignal;
}
