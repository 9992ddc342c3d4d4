import { currentContext } from "../invocation-scope.js";
import { LOG_LEVELS, logFormatOf, minLogLevelOf, type LogLevel } from "./levels.js";

/** Where kata's own structured lines go, as set up by `installLogging`. */
export interface LogSink {
  json: boolean;
  minLevel: number;
  write(line: string): void;
}

// On globalThis, so that a bundled kata-runtime (which installs it) and the handler's copy of
// kata (which logs SQS record failures) agree.
const SINK = Symbol.for("kata.logSink");
const slot = globalThis as { [SINK]?: LogSink | undefined };

export function setLogSink(sink: LogSink | undefined): void {
  slot[SINK] = sink;
}

/** Under AWS's managed runtime (no kata logging installed): its settings, lines straight to stdout as Powertools writes them. */
function managedSink(): LogSink {
  return { json: logFormatOf(process.env) === "JSON", minLevel: minLogLevelOf(process.env), write: (line) => void process.stdout.write(line) };
}

/** True when lines are the managed runtime's JSON (`AWS_LAMBDA_LOG_FORMAT=JSON`). */
export function jsonLogging(): boolean {
  return (slot[SINK] ?? managedSink()).json;
}

export type LogFields = { message: string; awsRequestId?: string | undefined } & Record<string, unknown>;

/**
 * One line with fields that Logs Insights can filter on. With `AWS_LAMBDA_LOG_FORMAT=JSON` the
 * fields sit at the top level of the managed runtime's line (`timestamp`, `level`, `requestId`,
 * `message`, then the rest), not JSON text inside `message`; in text format the fields are one JSON
 * document after the usual prefix.
 */
export function logStructured(level: LogLevel, fields: LogFields): void {
  const sink = slot[SINK] ?? managedSink();
  if (!sink.json) {
    (level === "ERROR" ? console.error : level === "WARN" ? console.warn : console.info)(JSON.stringify({ level, ...fields }));
    return;
  }
  if (LOG_LEVELS[level] < sink.minLevel) return;
  const { awsRequestId, message, ...rest } = fields;
  const context = currentContext();
  const line: Record<string, unknown> = { timestamp: new Date().toISOString(), level, requestId: awsRequestId ?? context?.awsRequestId ?? "-" };
  if (context?.tenantId) line.tenantId = context.tenantId;
  sink.write(`${JSON.stringify({ ...line, message, ...rest })}\n`);
}
