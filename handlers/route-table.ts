import type { EventBridgeEvent } from "../generated/eventbridge.js";
import { KATA_HANDLER } from "../runtime/typed-handler.js";
import type { EventBridgeHandler, EventBridgeHooks } from "./eventbridge.js";
import { HandlerOptionsError } from "./errors.js";

type Hooks = EventBridgeHooks<any, unknown>;

/** The routes of `routeEvents`, looked up by `detail-type`, then `source`. */
export interface RouteTable {
  /** The hooks of the handler for this event, or undefined when none matches and there is no default. */
  match(envelope: EventBridgeEvent): Hooks | undefined;
  /** What the table accepts, for the error naming an unmatched event, e.g. `"Order Placed" from com.example.orders (OrderPlaced)`. */
  known: string[];
}

function hooksOf(key: string, handler: EventBridgeHandler<any, unknown> | undefined): Hooks {
  const hooks = (handler as { [KATA_HANDLER]?: Partial<Hooks> } | undefined)?.[KATA_HANDLER];
  if (hooks?.route === undefined) {
    throw new HandlerOptionsError(`routeEvents: "${key}" is not an EventBridge handler built by kata (an eventbridge entry's onName, or onEventBridge).`);
  }
  return hooks as Hooks;
}

/**
 * Builds the lookup once, at init, and rejects tables that could not route deterministically:
 * a catch-all outside `default`, or two routes for the same `detail-type` and `source`.
 */
export function buildRouteTable(routes: Readonly<Record<string, EventBridgeHandler<any, unknown>>>): RouteTable {
  const byDetailType = new Map<string, Map<string | undefined, Hooks>>();
  const keyOf = new Map<Hooks, string>();
  const known: string[] = [];
  let fallback: Hooks | undefined;
  for (const [key, handler] of Object.entries(routes)) {
    const hooks = hooksOf(key, handler);
    if (key === "default") {
      fallback = hooks;
      continue;
    }
    const { detailType, source, name } = hooks.route;
    if (detailType === undefined) {
      throw new HandlerOptionsError(`routeEvents: "${key}" accepts every event (built with onEventBridge); put it under the "default" key.`);
    }
    const bySource = byDetailType.get(detailType) ?? new Map<string | undefined, Hooks>();
    const taken = bySource.get(source);
    if (taken !== undefined) {
      throw new HandlerOptionsError(`routeEvents: "${keyOf.get(taken)}" and "${key}" both handle detail-type "${detailType}"${source === undefined ? "" : ` from ${source}`}; keep one.`);
    }
    byDetailType.set(detailType, bySource.set(source, hooks));
    keyOf.set(hooks, key);
    known.push(`"${detailType}"${source === undefined ? "" : ` from ${source}`} (${name})`);
  }
  return {
    known,
    match(envelope) {
      const bySource = byDetailType.get(envelope["detail-type"]);
      // A route naming the event's source wins over one that accepts any source.
      return bySource?.get(envelope.source) ?? bySource?.get(undefined) ?? fallback;
    },
  };
}
