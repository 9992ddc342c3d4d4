import { assertEventBridgeEvent, decodeEventBridgeEvent, type EventBridgeEvent } from "../generated/eventbridge.js";
import type { KataContext } from "../runtime/context.js";
import { DecodeError, type DecodeIssue } from "../runtime/decode/index.js";
import type { KATA_HANDLER, KataHandler } from "../runtime/typed-handler.js";
import { issuesUnder } from "../runtime/decode/index.js";
import { typedHandler, type TypedHandlerParts } from "./typed-handler.js";

export type { KataHandler } from "../runtime/typed-handler.js"; // so that a declaration build of the generated onName can name its type (TS2742)

export type EventBridgeEventHandler<TEvent, TResult = void> = (event: TEvent, context: KataContext) => Promise<TResult> | TResult;

/** What the generated `onName` passes for an entry with `source: "eventbridge"`. */
export interface EventBridgeSpec<TDetailType extends string, TDetail> {
  name: string;
  detailType: TDetailType;
  /** When set, an event from another `source` is rejected too. */
  source?: string | undefined;
  assertDetail(value: unknown): asserts value is TDetail;
}

/** Which events a handler accepts. Kept on the handler's hooks, where `routeEvents` reads it to dispatch. */
export interface EventBridgeRoute<TEvent extends EventBridgeEvent> {
  readonly name: string;
  /** Absent for a catch-all (`onEventBridge`). */
  readonly detailType?: string | undefined;
  readonly source?: string | undefined;
  /** Checks an already valid EventBridge envelope against this route. Throws `DecodeError`. */
  check(envelope: EventBridgeEvent): asserts envelope is TEvent;
}

export interface EventBridgeHooks<TEvent extends EventBridgeEvent, TResult> extends TypedHandlerParts<TEvent, TResult> {
  readonly route: EventBridgeRoute<TEvent>;
}

/** A handler for one kind of EventBridge event. Also usable as a route of `routeEvents`. */
export type EventBridgeHandler<TEvent extends EventBridgeEvent, TResult> = KataHandler<TEvent, TResult> & {
  readonly [KATA_HANDLER]: EventBridgeHooks<TEvent, TResult>;
};

/** Builds an EventBridge handler from its route: the envelope is decoded once, then checked by the route. */
export function routedHandler<TEvent extends EventBridgeEvent, TResult>(
  route: EventBridgeRoute<TEvent>,
  fn: EventBridgeEventHandler<TEvent, TResult>,
): EventBridgeHandler<TEvent, TResult> {
  return typedHandler<EventBridgeHooks<TEvent, TResult>>({
    route,
    decode(raw) {
      const envelope = decodeEventBridgeEvent(raw);
      route.check(envelope);
      return envelope;
    },
    assert(value): asserts value is TEvent {
      assertEventBridgeEvent(value);
      route.check(value);
    },
    handle: async (event, context) => fn(event, context),
  });
}

function mismatch(pointer: string, expected: string, actual: unknown): DecodeIssue {
  return { path: pointer, message: `must be ${JSON.stringify(expected)} (got ${JSON.stringify(actual)})` };
}

/**
 * Handler for one `detail-type`: an event with another `detail-type` (or `source`, when
 * configured) or a `detail` that fails the schema is a decode error, and `fn` is not called.
 */
export function eventBridgeHandler<const TDetailType extends string, TDetail, TResult = void>(
  spec: EventBridgeSpec<TDetailType, TDetail>,
  fn: EventBridgeEventHandler<EventBridgeEvent<TDetailType, TDetail>, TResult>,
): EventBridgeHandler<EventBridgeEvent<TDetailType, TDetail>, TResult> {
  const typeName = `${spec.name}Event`;
  return routedHandler<EventBridgeEvent<TDetailType, TDetail>, TResult>(
    {
      name: spec.name,
      detailType: spec.detailType,
      source: spec.source,
      check(envelope): asserts envelope is EventBridgeEvent<TDetailType, TDetail> {
        const issues: DecodeIssue[] = [];
        if (envelope["detail-type"] !== spec.detailType) issues.push(mismatch("/detail-type", spec.detailType, envelope["detail-type"]));
        if (spec.source !== undefined && envelope.source !== spec.source) issues.push(mismatch("/source", spec.source, envelope.source));
        // The detail of another kind of event would only add noise to the issues.
        if (issues.length > 0) throw new DecodeError(typeName, issues);
        try {
          spec.assertDetail(envelope.detail);
        } catch (error) {
          throw new DecodeError(typeName, issuesUnder("/detail", error));
        }
      },
    },
    fn,
  );
}
