import { DecodeError, type DecodeIssue } from "./decode-error.js";
import { issuesUnder } from "./issues-under.js";
import { base64Bytes } from "./record-payloads.js";

/** Loaded on first use: a function that never reads CloudWatch Logs does not pay for zlib at cold start. */
let zlib: typeof import("node:zlib") | undefined;

/** The part of a CloudWatch Logs event that is decoded. */
interface RawLogsEvent {
  awslogs: { data: unknown };
}

const DATA = "/awslogs/data";

/** CloudWatch Logs sends at most 1 MB of log events per invocation; far more gunzipped is not log data but a bomb. */
export const MAX_LOG_DATA_BYTES = 67_108_864; // 64 MiB, a literal: a bundler keeps an unused product

/**
 * `awslogs.data` base64-decoded, gunzipped and checked with `decodeData` (the built-in
 * `CloudWatchLogsDecodedData`), then each log event's `message` decoded as the entry's payload.
 * Returns the decoded data; issues point inside it: `/awslogs/data/logEvents/3/message/level`.
 */
export function decodeLogData<TData>(event: RawLogsEvent, typeName: string, decodeData: (input: Uint8Array) => TData, decodeMessage: (input: string) => unknown): TData {
  let data: { logEvents: { message: unknown }[] };
  try {
    zlib ??= process.getBuiltinModule("node:zlib");
    const json = zlib.gunzipSync(base64Bytes(event.awslogs.data as string), { maxOutputLength: MAX_LOG_DATA_BYTES });
    data = decodeData(json) as typeof data;
  } catch (error) {
    const issues = error instanceof DecodeError ? issuesUnder(DATA, error) : [{ path: DATA, message: `is not gzip-compressed, base64-encoded log data (${(error as Error).message})` }];
    throw new DecodeError(typeName, issues);
  }
  const issues: DecodeIssue[] = [];
  for (let i = 0; i < data.logEvents.length; i++) {
    const logEvent = data.logEvents[i]!;
    try {
      logEvent.message = decodeMessage(logEvent.message as string);
    } catch (error) {
      issues.push(...issuesUnder(`${DATA}/logEvents/${i}/message`, error));
    }
  }
  if (issues.length > 0) throw new DecodeError(typeName, issues);
  return data as TData;
}

/** `decodeNameEvent` of a CloudWatch Logs entry: `awslogs.data` replaced in place by the decoded data. */
export function decodeCloudWatchLogs<T>(event: T, typeName: string, decodeData: (input: Uint8Array) => unknown, decodeMessage: (input: string) => unknown): T {
  const owner = event as unknown as RawLogsEvent;
  owner.awslogs.data = decodeLogData(owner, typeName, decodeData, decodeMessage);
  return event;
}
