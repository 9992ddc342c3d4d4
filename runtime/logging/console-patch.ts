import { describeThrown } from "../error-response.js";
import { currentContext } from "../invocation-scope.js";
import { LOG_LEVELS, type LogLevel } from "./levels.js";
import { formatText } from "./text-format.js";

export type JsonFormatter = (level: LogLevel, requestId: string, tenantId: string | undefined, args: unknown[]) => string;

export interface ConsolePatchOptions {
  /** Present for `AWS_LAMBDA_LOG_FORMAT=JSON` (loaded lazily by the caller); text otherwise. */
  formatJson?: JsonFormatter | undefined;
  minLevel: number;
  write: (line: string) => void;
}

const METHODS: [name: string, level: LogLevel][] = [
  ["trace", "TRACE"],
  ["debug", "DEBUG"],
  ["info", "INFO"],
  ["log", "INFO"],
  ["warn", "WARN"],
  ["error", "ERROR"],
  ["fatal", "FATAL"],
];

/**
 * Replaces the console methods like the managed runtime's log patch, tagging each line with the
 * request id of the invocation that logs it. Returns a function that restores the console.
 */
export function patchConsole(options: ConsolePatchOptions): () => void {
  const target = console as unknown as Record<string, unknown>;
  const saved = METHODS.map(([name]) => [name, target[name]] as const);
  for (const [name, level] of METHODS) target[name] = LOG_LEVELS[level] < options.minLevel ? ignore : logger(level, options);
  return () => {
    for (const [name, method] of saved) target[name] = method;
  };
}

function logger(level: LogLevel, { formatJson, write }: ConsolePatchOptions): (...args: unknown[]) => void {
  const format = formatJson
    ? (args: unknown[]) => {
        const context = currentContext();
        return formatJson(level, context?.awsRequestId ?? "-", context?.tenantId, args);
      }
    : (args: unknown[]) => formatText(level, currentContext()?.awsRequestId ?? "-", args);
  return (...args) => write(formatSafely(format, args) + "\n");
}

/**
 * A value can make formatting throw (a custom inspect or `toJSON` that throws, a Proxy trap):
 * `console.log` must not throw into the handler for it, and the call still leaves a line.
 */
function formatSafely(format: (args: unknown[]) => string, args: unknown[]): string {
  try {
    return format(args);
  } catch (error) {
    return format([`(kata could not format this log call's arguments: ${describeThrown(error)})`]);
  }
}

function ignore(): void {}
