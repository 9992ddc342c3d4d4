import {
  assertKinesisStreamTumblingWindowEvent,
  decodeKinesisStreamTumblingWindowEvent,
  type KinesisStreamRecord,
  type KinesisStreamStateResponse,
  type KinesisStreamTumblingWindowEvent,
} from "../generated/kinesis.js";
import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { kinesisRecords, withData, type KinesisRecordOf, type KinesisStreamSpec } from "./kinesis.js";
import type { StreamBatchOptions } from "./stream-batch.js";
import { processWindow, type InitialState, type TumblingWindow, type WindowEndHandler } from "./stream-window.js";
import { typedHandler } from "./typed-handler.js";
import type { Frozen } from "./window-state.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeKinesisData } from "../runtime/decode/index.js";
export { WINDOW_STATE_LIMIT, WindowStateTooLargeError, type Frozen } from "./window-state.js";
export type { KinesisRecordOf, StreamBatchOptions, TumblingWindow };

/** A Kinesis tumbling window event whose records' `data` are decoded as `TData`. */
export interface KinesisWindowEventOf<TData> extends Omit<KinesisStreamTumblingWindowEvent, "Records"> {
  Records: KinesisRecordOf<TData>[];
}

/**
 * What a Kinesis tumbling window handler is made of: `reduce` folds one record into the window's
 * state and returns the new state (never changing the one it got), `onWindowEnd` gets the
 * complete state, and `initial` is the state a window starts with (default `{}`).
 */
export type KinesisWindowReducer<TData, TState extends object> = {
  reduce(state: Frozen<TState>, data: TData, record: KinesisRecordOf<TData>, window: TumblingWindow, context: KataContext): Frozen<TState> | Promise<Frozen<TState>>;
  onWindowEnd?: WindowEndHandler<TState>;
} & InitialState<TState>;

/**
 * Kinesis handler for a mapping with a tumbling window (`TumblingWindowInSeconds`): records run
 * in order through `reduce`, and the answer is `{ state, batchItemFailures }`. The first record
 * that fails is reported by sequence number with the state from before it, so Lambda's retry
 * counts nothing twice. `onWindowEnd` runs when the window's state is complete.
 */
export function kinesisWindowHandler<TData, TState extends object>(
  spec: KinesisStreamSpec<TData>,
  reducer: KinesisWindowReducer<TData, TState>,
  options: StreamBatchOptions = {},
): KataHandler<KinesisStreamTumblingWindowEvent, KinesisStreamStateResponse> {
  const records = kinesisRecords(spec);
  const steps = {
    initial: reducer.initial as (() => TState) | undefined,
    step: (state: Frozen<TState>, data: TData, record: KinesisStreamRecord, window: TumblingWindow, context: KataContext) => reducer.reduce(state, data, withData(record, data), window, context),
    onWindowEnd: reducer.onWindowEnd,
  };
  const handle = async (event: KinesisStreamTumblingWindowEvent, context: KataContext): Promise<KinesisStreamStateResponse> => processWindow(records, event, steps, context, options);
  return typedHandler({ decode: decodeKinesisStreamTumblingWindowEvent, assert: assertKinesisStreamTumblingWindowEvent, handle });
}
