import type { TumblingWindow } from "./stream-window.js";

/**
 * The window state as `reduce` and `onWindowEnd` see it: read-only all the way down. kata keeps
 * the state each record returned so that it can answer the state before a failing record; a
 * reducer that changed the state in place would change that one too, and a retry would count the
 * records twice. So `reduce` returns a new state (`{ ...state, count: state.count + 1 }`).
 */
export type Frozen<T> = T extends readonly (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** Lambda keeps at most 1 MB of state per shard (checked as UTF-8 JSON bytes, 1 MB = 2^20 bytes). */
export const WINDOW_STATE_LIMIT = 1024 * 1024;

/**
 * Freezes a state and every object in it, skipping what is frozen already: each record's new
 * state costs only the objects it made, not the whole state again. A change in place then throws
 * a TypeError in strict-mode code (ES modules, TypeScript output), which fails that record.
 */
export function freezeState<T>(value: T): Frozen<T> {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) freezeState((value as Record<string, unknown>)[key]);
  }
  return value as Frozen<T>;
}

/** A reducer must return the new state: an object that Lambda can pass back as JSON. */
export function checkReturnedState(state: unknown): object {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw new TypeError(`reduce returned ${Array.isArray(state) ? "an array" : state === null ? "null" : typeof state}, not the window's new state (an object). Return the state, e.g. { ...state, count: state.count + 1 }.`);
  }
  return state;
}

/**
 * The state would pass Lambda's 1 MB limit. The invocation fails, so Lambda retries the batch
 * with the window's previous state: nothing is lost or counted twice, but the shard waits until
 * the state is kept smaller (aggregates rather than records) or the retries run out.
 */
export class WindowStateTooLargeError extends Error {
  override readonly name = "WindowStateTooLargeError";
  constructor(
    readonly source: string,
    readonly window: TumblingWindow,
    /** The state's size as UTF-8 JSON. */
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `${source} window state for shard ${window.shardId ?? "(no shardId in the event)"}, window ${window.start} to ${window.end}, is ${bytes} bytes as JSON; ` +
        `Lambda keeps at most ${limit} bytes (1 MB) of state per shard. The invocation fails, so Lambda retries this batch with the window's previous state. ` +
        `Keep the state bounded: aggregates, not records; write what grows to a store in onWindowEnd or from reduce.`,
    );
  }
}

/** Throws WindowStateTooLargeError when Lambda could not keep the state. */
export function checkStateSize(state: object, source: string, window: TumblingWindow): object {
  const json = JSON.stringify(state);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count the bytes only when the state could be too big.
  if (json.length * 3 > WINDOW_STATE_LIMIT) {
    const bytes = Buffer.byteLength(json);
    if (bytes > WINDOW_STATE_LIMIT) throw new WindowStateTooLargeError(source, window, bytes, WINDOW_STATE_LIMIT);
  }
  return state;
}
