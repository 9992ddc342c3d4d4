import type { KataContext } from "../runtime/context.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { typedHandler } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

/** A function for direct invocations and Step Functions tasks: the payload is the whole event. */
export type PayloadHandler<TPayload, TResult = unknown> = (payload: TPayload, context: KataContext) => Promise<TResult> | TResult;

/** What the generated `onName` passes for a `schema` entry with no `source`. */
export interface PayloadSpec<TPayload> {
  name: string;
  decode(input: string | Uint8Array): TPayload;
  assert(value: unknown): asserts value is TPayload;
}

/** Handler for a plain payload: an invalid payload is a decode error (a Lambda error), `fn` never sees it. */
export function payloadHandler<TPayload, TResult>(spec: PayloadSpec<TPayload>, fn: PayloadHandler<TPayload, TResult>): KataHandler<TPayload, TResult> {
  return typedHandler({
    decode: spec.decode,
    assert: spec.assert,
    handle: async (payload: TPayload, context: KataContext) => fn(payload, context),
  });
}
