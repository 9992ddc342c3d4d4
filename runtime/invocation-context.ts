import type { ClientContext, CognitoIdentity, KataContext } from "./context.js";
import type { Invocation } from "./api/next-invocation.js";
import { MalformedEventError } from "./errors.js";
import { atTime } from "./long-timeout.js";

/** The function's settings, read once from the environment Lambda defines. */
export interface FunctionSettings {
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
}

export function readFunctionSettings(env: NodeJS.ProcessEnv = process.env): FunctionSettings {
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME ?? "",
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION ?? "",
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? "",
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME ?? "",
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME ?? "",
  };
}

/** The context handed to the handler, built from the `/next` headers. */
export function buildContext(invocation: Invocation, settings: FunctionSettings): KataContext {
  return new InvocationContext(invocation, settings);
}

/** Lambda-Runtime-Invocation-Id, echoed on the posts for this invocation. */
export function invocationIdOf(invocation: Invocation): string | undefined {
  return invocation.headers["lambda-runtime-invocation-id"];
}

class InvocationContext implements KataContext {
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly deadlineMs: number;
  readonly traceId: string | undefined;
  readonly tenantId: string | undefined;
  readonly identity: CognitoIdentity | undefined;
  readonly clientContext: ClientContext | undefined;
  callbackWaitsForEmptyEventLoop = true;
  #signal: AbortSignal | undefined;
  #cancelSignalTimer: (() => void) | undefined;

  constructor(invocation: Invocation, settings: FunctionSettings) {
    const headers = invocation.headers;
    this.awsRequestId = invocation.requestId;
    this.invokedFunctionArn = headers["lambda-runtime-invoked-function-arn"] ?? "";
    this.functionName = settings.functionName;
    this.functionVersion = settings.functionVersion;
    this.memoryLimitInMB = settings.memoryLimitInMB;
    this.logGroupName = settings.logGroupName;
    this.logStreamName = settings.logStreamName;
    const deadline = Number(headers["lambda-runtime-deadline-ms"]);
    // No deadline header (only outside Lambda): treat the invocation as unbounded.
    this.deadlineMs = Number.isFinite(deadline) ? deadline : Number.POSITIVE_INFINITY;
    this.traceId = headers["lambda-runtime-trace-id"];
    this.tenantId = headers["lambda-runtime-aws-tenant-id"];
    this.identity = jsonHeader(headers, "lambda-runtime-cognito-identity", invocation.requestId) as CognitoIdentity | undefined;
    this.clientContext = jsonHeader(headers, "lambda-runtime-client-context", invocation.requestId) as ClientContext | undefined;
  }

  /** An own function, not a method: middy and others call it detached (`const { getRemainingTimeInMillis } = context`), as the managed runtime allows. */
  readonly getRemainingTimeInMillis = (): number => Math.max(0, this.deadlineMs - Date.now());

  /**
   * Created on first use: most handlers never read it, and a timer per invocation has a cost.
   * Not `AbortSignal.timeout`, which fires at once for a deadline more than ~24.8 days away.
   */
  get signal(): AbortSignal {
    if (this.#signal === undefined) {
      const controller = new AbortController();
      if (Number.isFinite(this.deadlineMs)) {
        const requestId = this.awsRequestId;
        this.#cancelSignalTimer = atTime(this.deadlineMs, () => controller.abort(new DOMException(`Request ${requestId} reached its deadline`, "TimeoutError")), true);
      }
      this.#signal = controller.signal;
    }
    return this.#signal;
  }

  /** The invocation is over: its signal's timer, which may be days away, is dropped. */
  release(): void {
    this.#cancelSignalTimer?.();
  }
}

/** Frees what a context holds once its invocation has ended. */
export function releaseContext(context: KataContext): void {
  if (context instanceof InvocationContext) context.release();
}

function jsonHeader(headers: Record<string, string>, name: string, requestId: string): unknown {
  const value = headers[name];
  if (value === undefined || value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new MalformedEventError(`Header ${name} of request ${requestId} is not valid JSON: ${(error as Error).message}`);
  }
}
