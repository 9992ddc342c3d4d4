import { randomBytes } from "node:crypto";

/** What Lambda knows about a function: its configuration, as the emulator reports it to the runtime. */
export interface FunctionSettings {
  /** The `Handler` setting, given to the runtime as `_HANDLER`. */
  handler: string;
  /** Where the code lives (`LAMBDA_TASK_ROOT`). */
  taskRoot: string;
  functionName: string;
  functionVersion: string;
  memorySizeMb: number;
  /** The function timeout: an invocation still running after this many seconds times out. */
  timeoutSeconds: number;
  region: string;
  accountId: string;
  /** The function's own environment variables (its `Environment.Variables`). */
  environment: Record<string, string>;
}

export const defaultSettings: Omit<FunctionSettings, "handler" | "taskRoot"> = {
  functionName: "function",
  functionVersion: "$LATEST",
  memorySizeMb: 128,
  timeoutSeconds: 3,
  region: "us-east-1",
  accountId: "123456789012",
  environment: {},
};

export function functionArn(settings: FunctionSettings): string {
  return `arn:aws:lambda:${settings.region}:${settings.accountId}:function:${settings.functionName}`;
}

/** A log stream name as Lambda writes it: `YYYY/MM/DD/[$LATEST]<32 hex digits>`, new per process. */
export function newLogStreamName(version: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "/");
  return `${day}/[${version}]${randomBytes(16).toString("hex")}`;
}

/**
 * The environment of the function process: the caller's own environment (so that PATH, HOME and
 * AWS credentials work locally), the function's variables, then Lambda's reserved variables,
 * which the function's variables cannot override (as on Lambda).
 */
export function lambdaEnvironment(settings: FunctionSettings, runtimeApi: string, logStreamName: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LANG: "en_US.UTF-8",
    ...settings.environment,
    _HANDLER: settings.handler,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    LAMBDA_TASK_ROOT: settings.taskRoot,
    AWS_LAMBDA_FUNCTION_NAME: settings.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: settings.functionVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(settings.memorySizeMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${settings.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    TZ: ":UTC",
  };
}
