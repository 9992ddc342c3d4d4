/** Cognito identity of the caller, from `Lambda-Runtime-Cognito-Identity` (mobile SDK invocations). */
export interface CognitoIdentity {
  cognitoIdentityId: string;
  cognitoIdentityPoolId: string;
}

/** Client context, from `Lambda-Runtime-Client-Context` (mobile SDK invocations). */
export interface ClientContext {
  client?: Record<string, unknown>;
  custom?: Record<string, unknown>;
  env?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The invocation context: the managed Node.js runtime's fields, plus what kata adds
 * (`deadlineMs`, `traceId`, `tenantId`, `signal`).
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
  /** Absolute deadline, epoch milliseconds (`Lambda-Runtime-Deadline-Ms`). */
  deadlineMs: number;
  /** X-Ray trace header (`Lambda-Runtime-Trace-Id`), if any. */
  traceId?: string | undefined;
  /** Tenant id (`Lambda-Runtime-Aws-Tenant-Id`) for tenant-isolated functions, if any. */
  tenantId?: string | undefined;
  /** Aborts when the deadline passes, so that I/O started by the handler can be cancelled. */
  signal: AbortSignal;
}
