/**
 * A handler factory was given options it cannot honour. Thrown when the module loads (at init),
 * so that a misconfiguration fails the deployment's first cold start instead of one invocation.
 */
export class HandlerOptionsError extends Error {
  override readonly name = "HandlerOptionsError";
}

/**
 * `routeEvents` received an EventBridge event that no route accepts and no `default` handler was
 * given. Names what arrived and what the router knows, so that the log line says which route to add.
 */
export class UnroutableEventError extends Error {
  override readonly name = "UnroutableEventError";
  readonly detailType: string;
  readonly source: string;
  readonly known: string[];

  constructor(event: { "detail-type": string; source: string; id: string }, known: string[]) {
    super(
      `No route for EventBridge event ${event.id} with detail-type "${event["detail-type"]}" from source "${event.source}". ` +
        `routeEvents knows: ${known.join(", ")}. Add a route for it, or a catch-all: routeEvents({ ..., default: onEventBridge(fn) }).`,
    );
    this.detailType = event["detail-type"];
    this.source = event.source;
    this.known = known;
  }
}
