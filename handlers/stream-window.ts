import type { KataContext } from "../runtime/context.js";
import { processInOrder, type InOrderStream, type StreamBatchOptions } from "./stream-batch.js";
import { checkReturnedState, checkStateSize, freezeState, type Frozen } from "./window-state.js";

/** The tumbling window an invocation belongs to, from the event's window fields. */
export interface TumblingWindow {
  /** ISO 8601, inclusive. */
  start: string;
  /** ISO 8601, exclusive. */
  end: string;
  /** `isFinalInvokeForWindow`: the window is complete, and Lambda drops its state after this invocation. */
  isFinal: boolean;
  /** `isWindowTerminatedEarly`: Lambda ended the window early (its state passed 1 MB); the next invocation starts afresh. */
  terminatedEarly: boolean;
  shardId: string | undefined;
  eventSourceARN: string | undefined;
}

/** The fields Lambda adds to a Kinesis or DynamoDB stream event when the mapping has a tumbling window. */
export interface WindowEventFields<TRecord> {
  Records: TRecord[];
  window: { start: string; end: string };
  state?: { [key: string]: unknown };
  shardId?: string;
  eventSourceARN?: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

/** What a window handler answers; Lambda treats a result without `state` as a failed invocation. */
export interface WindowStateResponse {
  state: { [key: string]: unknown };
  batchItemFailures: { itemIdentifier: string }[];
}

/** `initial` is needed when an empty object is not a state of the type. */
export type InitialState<TState> = {} extends TState ? { initial?: () => TState } : { initial: () => TState };

/** Called once the window's state is complete, before Lambda drops it: write the aggregate out here. */
export type WindowEndHandler<TState> = (state: Frozen<TState>, window: TumblingWindow, context: KataContext) => Promise<void> | void;

/** A source's reducer, with the arguments it passes for one record. */
export interface WindowSteps<TRecord, TValue, TState> {
  initial?: () => TState;
  step(state: Frozen<TState>, value: TValue, record: TRecord, window: TumblingWindow, context: KataContext): Frozen<TState> | Promise<Frozen<TState>>;
  onWindowEnd?: WindowEndHandler<TState> | undefined;
}

export function windowOf(event: WindowEventFields<unknown>): TumblingWindow {
  return {
    start: event.window.start,
    end: event.window.end,
    isFinal: event.isFinalInvokeForWindow,
    terminatedEarly: event.isWindowTerminatedEarly,
    shardId: event.shardId,
    eventSourceARN: event.eventSourceARN,
  };
}

/**
 * One invocation of a tumbling window: the records run in order through `step`, each getting the
 * state the one before returned (the window's state from Lambda first; `initial()` when that is
 * absent or empty). At the first record that fails to decode or whose `step` throws, the batch
 * stops as `processInOrder` stops it, and the answer carries the state from before that record:
 * Lambda retries from it with that state, so no record is counted twice. When the window ends
 * (final invocation, or ended early) and every record succeeded, `onWindowEnd` gets the state;
 * Lambda drops the state then, so the answer's state is `{}`. A state over Lambda's 1 MB fails the
 * invocation (`WindowStateTooLargeError`) rather than being dropped by Lambda.
 */
export async function processWindow<TRecord, TValue, TState extends object>(
  stream: Omit<InOrderStream<TRecord, TValue>, "call">,
  event: WindowEventFields<TRecord>,
  steps: WindowSteps<TRecord, TValue, TState>,
  context: KataContext,
  options: StreamBatchOptions,
): Promise<WindowStateResponse> {
  const window = windowOf(event);
  const given = event.state;
  let state = freezeState((given === undefined || Object.keys(given).length === 0 ? (steps.initial?.() ?? {}) : given) as TState);
  const call = async (value: TValue, record: TRecord, callContext: KataContext) => {
    state = freezeState(checkReturnedState(await steps.step(state, value, record, window, callContext)) as TState);
  };
  const { batchItemFailures } = await processInOrder({ ...stream, call }, event.Records, context, options);
  if (batchItemFailures.length > 0 || !(window.isFinal || window.terminatedEarly)) {
    return { state: checkStateSize(state, stream.source, window) as WindowStateResponse["state"], batchItemFailures };
  }
  await steps.onWindowEnd?.(state, window, context);
  return { state: {}, batchItemFailures: [] };
}
