import { format } from "../builtins.js";
import { toErrorResponse } from "../error-response.js";
import type { LogLevel } from "./levels.js";

/**
 * The managed runtime's JSON line (`AWS_LAMBDA_LOG_FORMAT=JSON`): `timestamp`, `level`,
 * `requestId`, `tenantId` when there is one, and `message`. A single argument is kept as a value
 * (objects stay objects); several are formatted like `console.log`, and the first Error among them
 * adds `errorType`, `errorMessage` and `stackTrace`. Loaded only when JSON logging is on.
 */
export function formatJson(level: LogLevel, requestId: string, tenantId: string | undefined, args: unknown[]): string {
  const line: Record<string, unknown> = { timestamp: new Date().toISOString(), level, requestId };
  if (tenantId) line.tenantId = tenantId;
  if (args.length === 1) {
    line.message = args[0];
    try {
      return JSON.stringify(line, errorsAsObjects).replace(/\n/g, "\r");
    } catch {
      line.message = format(args[0]);
      return JSON.stringify(line).replace(/\n/g, "\r");
    }
  }
  line.message = format(...args);
  const error = args.find((arg): arg is Error => arg instanceof Error);
  if (error) Object.assign(line, describeError(error));
  return JSON.stringify(line).replace(/\n/g, "\r");
}

function errorsAsObjects(_key: string, value: unknown): unknown {
  return value instanceof Error ? { ...describeError(value), ...value } : value;
}

function describeError(error: Error): Record<string, unknown> {
  const { errorMessage, stackTrace } = toErrorResponse(error); // never throws, even for hostile getters
  let errorType = "UnknownError";
  try {
    errorType = error.constructor?.name ?? errorType;
  } catch {
    // a throwing `constructor` getter: keep the default
  }
  return { errorType, errorMessage, stackTrace };
}
