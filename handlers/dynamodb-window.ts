import { type DynamoDBRecord, type DynamoDBTimeWindowEvent, type DynamoDBTimeWindowEventResponse, type StreamRecord } from "../generated/dynamodb.js";
import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { dynamodbRecords, withImages, type DynamoDBRecordOf } from "./dynamodb.js";
import type { StreamBatchOptions } from "./stream-batch.js";
import { processWindow, type InitialState, type TumblingWindow, type WindowEndHandler } from "./stream-window.js";
import { typedHandler } from "./typed-handler.js";
import type { Frozen } from "./window-state.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export { decodeDynamoDBImages } from "../runtime/decode/index.js";
export { WINDOW_STATE_LIMIT, WindowStateTooLargeError, type Frozen } from "./window-state.js";
export type { DynamoDBRecordOf, StreamBatchOptions, TumblingWindow };

/** A DynamoDB tumbling window event whose images are unmarshalled and decoded as `TItem`. */
export interface DynamoDBWindowEventOf<TItem> extends Omit<DynamoDBTimeWindowEvent, "Records"> {
  Records: DynamoDBRecordOf<TItem>[];
}

/**
 * What a DynamoDB Streams tumbling window handler is made of: `reduce` folds one record (images
 * decoded) into the window's state and returns the new state (never changing the one it got),
 * `onWindowEnd` gets the complete state, and `initial` is the state a window starts with (default `{}`).
 */
export type DynamoDBWindowReducer<TItem, TState extends object> = {
  reduce(state: Frozen<TState>, record: DynamoDBRecordOf<TItem>, window: TumblingWindow, context: KataContext): Frozen<TState> | Promise<Frozen<TState>>;
  onWindowEnd?: WindowEndHandler<TState>;
} & InitialState<TState>;

/** What the generated `onName` passes for a `dynamodb` entry with `"window": "tumbling"`. */
export interface DynamoDBWindowSpec<TItem> {
  name: string;
  /** The entry's envelope: the window event with images left to the unmarshaller. */
  envelope: { decode(raw: Uint8Array): DynamoDBTimeWindowEvent; assert(value: unknown): asserts value is DynamoDBTimeWindowEvent };
  assertItem(value: unknown): asserts value is TItem;
}

/**
 * DynamoDB Streams handler for a mapping with a tumbling window (`TumblingWindowInSeconds`):
 * records run in order through `reduce`, and the answer is `{ state, batchItemFailures }`. The
 * first record that fails is reported by sequence number with the state from before it, so
 * Lambda's retry counts nothing twice. `onWindowEnd` runs when the window's state is complete.
 */
export function dynamoDBWindowHandler<TItem, TState extends object>(
  spec: DynamoDBWindowSpec<TItem>,
  reducer: DynamoDBWindowReducer<TItem, TState>,
  options: StreamBatchOptions = {},
): KataHandler<DynamoDBTimeWindowEvent, DynamoDBTimeWindowEventResponse> {
  const records = dynamodbRecords(spec);
  const steps = {
    initial: reducer.initial as (() => TState) | undefined,
    step: (state: Frozen<TState>, dynamodb: StreamRecord, record: DynamoDBRecord, window: TumblingWindow, context: KataContext) => reducer.reduce(state, withImages<TItem>(record, dynamodb), window, context),
    onWindowEnd: reducer.onWindowEnd,
  };
  const handle = async (event: DynamoDBTimeWindowEvent, context: KataContext): Promise<DynamoDBTimeWindowEventResponse> => processWindow(records, event, steps, context, options);
  return typedHandler({ decode: spec.envelope.decode, assert: spec.envelope.assert, handle });
}
