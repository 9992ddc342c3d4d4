import type { LambdaContext } from "../runtime/context.js";
import { KATA_HANDLER, type KataHandler, type KataHandlerHooks } from "../runtime/typed-handler.js";
import { kataContext } from "../runtime/kata-context.js";

/** What every kata handler is built from. Factories may add metadata (e.g. an EventBridge route). */
export interface TypedHandlerParts<TEvent, TResult> extends KataHandlerHooks<TEvent, TResult> {
  /** Validates an event that the managed runtime has already parsed. Throws `DecodeError`. */
  assert(value: unknown): asserts value is TEvent;
}

/** A KataHandler whose hooks are exactly the parts it was built from. */
export type TypedHandler<TParts extends TypedHandlerParts<any, any>> = TParts extends TypedHandlerParts<infer TEvent, infer TResult>
  ? KataHandler<TEvent, TResult> & { readonly [KATA_HANDLER]: TParts }
  : never;

/**
 * Builds the handler every `onX` factory returns. kata's loop uses the attached parts (decode the
 * raw bytes once, then `handle`); the managed Node.js runtime calls the function itself with a
 * parsed event, which is validated with `assert` first, so both paths hand `handle` the same value.
 */
export function typedHandler<TParts extends TypedHandlerParts<any, any>>(parts: TParts): TypedHandler<TParts> {
  const handler = async (event: unknown, context: LambdaContext) => {
    parts.assert(event);
    return parts.handle(event, kataContext(context));
  };
  return Object.defineProperty(handler, KATA_HANDLER, { value: parts, enumerable: false }) as unknown as TypedHandler<TParts>;
}
