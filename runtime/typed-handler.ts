import type { KataContext, LambdaContext } from "./context.js";

/**
 * Handlers built by kata (the generated `onName` wrappers) carry this property. kata's own loop
 * then decodes the raw `/next` bytes once with `decode`, and calls `handle` with the typed value,
 * skipping the re-validation that the public handler does for the managed runtime.
 * A `Symbol.for` key, so that two copies of kata in one bundle still recognise each other.
 */
export const KATA_HANDLER = Symbol.for("kata.handler");

export interface KataHandlerHooks<TEvent = unknown, TResult = unknown> {
  /** Turns raw event bytes into the typed event. Throws `DecodeError`. */
  decode(raw: Uint8Array): TEvent;
  /** Runs the user's function on an already decoded event. */
  handle(event: TEvent, context: KataContext): Promise<TResult>;
}

/** A plain Lambda handler, as the managed Node.js runtime calls it. */
export type LambdaHandler<TEvent = any, TResult = unknown> = (event: TEvent, context: LambdaContext) => TResult | Promise<TResult>;

/** A Lambda handler that kata's loop can feed with raw bytes. */
export type KataHandler<TEvent = unknown, TResult = unknown> = ((event: unknown, context: LambdaContext) => Promise<TResult>) & {
  readonly [KATA_HANDLER]: KataHandlerHooks<TEvent, TResult>;
};

export function kataHooksOf(handler: unknown): KataHandlerHooks | undefined {
  return typeof handler === "function" ? (handler as Partial<KataHandler>)[KATA_HANDLER] : undefined;
}
