/** The managed runtime's levels; `console.log` and `console.info` are INFO. */
export const LOG_LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 } as const;

export type LogLevel = keyof typeof LOG_LEVELS;
export type LogFormat = "TEXT" | "JSON";

/** `AWS_LAMBDA_LOG_FORMAT`: JSON when it says so (any case), text otherwise. */
export function logFormatOf(env: NodeJS.ProcessEnv): LogFormat {
  return env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === "JSON" ? "JSON" : "TEXT";
}

/** `AWS_LAMBDA_LOG_LEVEL`: lines below it are dropped; unset or unknown keeps everything. */
export function minLogLevelOf(env: NodeJS.ProcessEnv): number {
  const name = env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  return name !== undefined && name in LOG_LEVELS ? LOG_LEVELS[name as LogLevel] : LOG_LEVELS.TRACE;
}
