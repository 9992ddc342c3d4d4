import type { KataContext } from "./context.js";
import { ConfigInvalidError, MalformedEventError } from "./errors.js";
import { kataHooksOf } from "./typed-handler.js";

/** Runs the handler on one invocation's raw event bytes. May throw or return a promise. */
export type Invoke = (raw: Uint8Array, context: KataContext) => unknown;

/**
 * Chooses, once at start, how events reach the handler:
 * - a kata handler (`KATA_HANDLER` hooks) decodes the raw bytes itself, so a `DecodeError`
 *   (with its JSON pointer) is thrown before the user's function runs;
 * - any other function gets `JSON.parse`d events, as under the managed runtime;
 * - a function declaring a third `callback` parameter is called in the legacy callback style.
 */
export function invokerFor(handler: unknown): Invoke {
  const hooks = kataHooksOf(handler);
  if (hooks) return (raw, context) => hooks.handle(hooks.decode(raw), context);
  if (typeof handler !== "function") {
    throw new ConfigInvalidError(`start() needs a handler function, got ${handler === null ? "null" : typeof handler}. Pass the exported handler, e.g. start(handler).`);
  }
  const fn = handler as (event: unknown, context: KataContext, callback?: Callback) => unknown;
  if (fn.length >= 3) return (raw, context) => callWithCallback(fn, parseEvent(raw, context.awsRequestId), context);
  return (raw, context) => fn(parseEvent(raw, context.awsRequestId), context);
}

type Callback = (error?: unknown, result?: unknown) => void;

function callWithCallback(fn: (event: unknown, context: KataContext, callback: Callback) => unknown, event: unknown, context: KataContext): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const returned = fn(event, context, (error, result) => (error === undefined || error === null ? resolve(result) : reject(error)));
    if (isThenable(returned)) returned.then(resolve, reject);
  });
}

/**
 * `JSON.parse` of the event, as the managed runtime does (invalid UTF-8 becomes U+FFFD there too).
 * A leading UTF-8 byte-order mark is skipped, as kata's decoders skip it.
 */
export function parseEvent(raw: Uint8Array, requestId: string): unknown {
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(raw.buffer, raw.byteOffset + bom, raw.byteLength - bom).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedEventError(`The event of request ${requestId} is not valid JSON (${(error as Error).message}); the handler was not called.`);
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}
