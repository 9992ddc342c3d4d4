import { assertEventBridgeEvent, decodeEventBridgeEvent, type EventBridgeEvent } from "../generated/eventbridge.js";
import type { KataHandler } from "../runtime/typed-handler.js";
import { UnroutableEventError } from "./errors.js";
import type { EventBridgeHandler, EventBridgeRoute } from "./eventbridge.js";
import { buildRouteTable } from "./route-table.js";
import { typedHandler } from "./typed-handler.js";

/** Routes by name. The `default` key, if present, takes every event no other route accepts. */
export type EventRoutes = Readonly<Record<string, EventBridgeHandler<any, any>>>;

/** The union of the events that the routes accept. */
export type RoutedEvent<TRoutes extends EventRoutes> = {
  [K in keyof TRoutes]: TRoutes[K] extends EventBridgeHandler<infer TEvent, any> ? TEvent : never;
}[keyof TRoutes];

/** The union of the routes' results. */
export type RoutedResult<TRoutes extends EventRoutes> = {
  [K in keyof TRoutes]: TRoutes[K] extends EventBridgeHandler<any, infer TResult> ? TResult : never;
}[keyof TRoutes];

/**
 * One handler for several kinds of EventBridge events: picks the route by `detail-type` (and
 * `source`, when the route names one). The envelope is decoded once; only the chosen route's
 * detail schema runs. An event no route accepts is an `UnroutableEventError` unless `default` is given.
 */
export function routeEvents<const TRoutes extends EventRoutes>(routes: TRoutes): KataHandler<RoutedEvent<TRoutes>, RoutedResult<TRoutes>> {
  const table = buildRouteTable(routes);
  const routeFor = (envelope: EventBridgeEvent) => {
    const hooks = table.match(envelope);
    if (hooks === undefined) throw new UnroutableEventError(envelope, table.known);
    return hooks;
  };
  const checked = (envelope: EventBridgeEvent): RoutedEvent<TRoutes> => {
    const route: EventBridgeRoute<EventBridgeEvent> = routeFor(envelope).route;
    route.check(envelope);
    return envelope as RoutedEvent<TRoutes>;
  };
  return typedHandler({
    decode: (raw: Uint8Array) => checked(decodeEventBridgeEvent(raw)),
    assert(value: unknown): asserts value is RoutedEvent<TRoutes> {
      assertEventBridgeEvent(value);
      checked(value);
    },
    handle: (event: RoutedEvent<TRoutes>, context) => routeFor(event).handle(event, context) as Promise<RoutedResult<TRoutes>>,
  });
}
