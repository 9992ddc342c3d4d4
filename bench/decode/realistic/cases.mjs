import { albEvent, eventBridgeNestedEvent, httpApiJwtEvent, restConsoleEvent, sqsBatchEvent } from "./events.mjs";

/*
 * The realistic events, each with the built-in type that decodes it, the Powertools schema for the
 * same source, and a copy broken deep inside that every validating peer must reject.
 */
export const REALISTIC = [
  { id: "rest-console", title: "REST (v1), console-style, 20 headers, multi-value maps", type: "APIGatewayProxyEvent", powertools: "APIGatewayProxyEventSchema", event: restConsoleEvent, breakIt: (e) => (e.requestContext.requestTimeEpoch = "soon") },
  { id: "v2-jwt", title: "HTTP API (v2), JWT authorizer, 15 headers", type: "APIGatewayProxyEventV2", powertools: "APIGatewayProxyEventV2Schema", event: httpApiJwtEvent, breakIt: (e) => (e.requestContext.http.method = 7) },
  { id: "alb", title: "ALB, 12 headers", type: "ALBEvent", powertools: "AlbSchema", event: albEvent, breakIt: (e) => (e.isBase64Encoded = "no") },
  { id: "sqs-10-attributes", title: "SQS, 10 records with message attributes", type: "SQSEvent", powertools: "SqsSchema", event: sqsBatchEvent, breakIt: (e) => (e.Records[9].attributes.SentTimestamp = 1732450000000) },
  { id: "eventbridge-nested", title: "EventBridge, nested detail", type: "EventBridgeEvent", powertools: "EventBridgeSchema", event: eventBridgeNestedEvent, breakIt: (e) => (e.resources = [42]) },
];

/** Each case as compact JSON (as the Runtime API delivers it), with its broken copy. */
export function loadRealisticCases() {
  return REALISTIC.map((c) => {
    const event = c.event();
    const broken = structuredClone(event);
    c.breakIt(broken);
    return { ...c, text: JSON.stringify(event), broken: JSON.stringify(broken) };
  });
}
