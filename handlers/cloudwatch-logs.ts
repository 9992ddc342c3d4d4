import {
  assertCloudWatchLogsEvent,
  decodeCloudWatchLogsDecodedData,
  decodeCloudWatchLogsEvent,
  type CloudWatchLogsDecodedData,
  type CloudWatchLogsEvent,
  type CloudWatchLogsLogEvent,
} from "../generated/cloudwatch-logs.js";
import type { KataContext } from "../runtime/context.js";
import { decodeLogData } from "../runtime/decode/index.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeCloudWatchLogs } from "../runtime/decode/index.js";

export { decodeCloudWatchLogsDecodedData };

export type CloudWatchLogsLogEventOf<TMessage> = Omit<CloudWatchLogsLogEvent, "message"> & { message: TMessage };

/** The decoded log data, each log event's `message` decoded as `TMessage`. */
export type CloudWatchLogsDecodedDataOf<TMessage> = Omit<CloudWatchLogsDecodedData, "logEvents"> & { logEvents: CloudWatchLogsLogEventOf<TMessage>[] };

export interface CloudWatchLogsEventOf<TMessage> {
  awslogs: { data: CloudWatchLogsDecodedDataOf<TMessage> };
}

export type CloudWatchLogsHandler<TMessage, TResult = void> = (data: CloudWatchLogsDecodedDataOf<TMessage>, context: KataContext) => Promise<TResult> | TResult;

export interface CloudWatchLogsSpec<TMessage> {
  name: string;
  decodeMessage(input: string): TMessage;
}

/**
 * CloudWatch Logs subscription handler: `fn` gets the gunzipped log data with every message
 * decoded. A message that fails is a `DecodeError` naming its pointer (a failed asynchronous
 * invocation, which Lambda retries), and `fn` is not called.
 */
export function cloudWatchLogsHandler<TMessage, TResult = void>(spec: CloudWatchLogsSpec<TMessage>, fn: CloudWatchLogsHandler<TMessage, TResult>): KataHandler<CloudWatchLogsEvent, TResult> {
  const handle = async (event: CloudWatchLogsEvent, context: KataContext): Promise<TResult> => {
    const data = decodeLogData(event, `${spec.name}Event`, decodeCloudWatchLogsDecodedData, spec.decodeMessage);
    return fn(data as CloudWatchLogsDecodedDataOf<TMessage>, context);
  };
  return typedHandler({ decode: decodeCloudWatchLogsEvent, assert: assertCloudWatchLogsEvent, handle });
}
