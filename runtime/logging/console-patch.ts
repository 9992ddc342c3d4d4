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
  if (formatJson) {
    return (...args) => {
      const context = currentContext();
      write(formatJson(level, context?.awsRequestId ?? "-", context?.tenantId, args) + "\n");
    };
  }
  return (...args) => write(formatText(level, currentContext()?.awsRequestId ?? "-", args) + "\n");
}

function ignore(): void {}
