import { format } from "../builtins.js";
import type { LogLevel } from "./levels.js";

/**
 * The managed runtime's text line: `<ISO timestamp>\t<request id>\t<LEVEL>\t<message>`.
 * Newlines become `\r` so that CloudWatch keeps a multi-line message (a stack) in one event.
 */
export function formatText(level: LogLevel, requestId: string, args: unknown[]): string {
  return `${new Date().toISOString()}\t${requestId}\t${level}\t${format(...args)}`.replace(/\n/g, "\r");
}
