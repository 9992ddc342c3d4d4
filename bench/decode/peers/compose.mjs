/**
 * The decoders of the peers that only bring predicates (Ajv validators, hand-written guards), wired
 * as a user would: parse the event, check it, parse its JSON payload, check that.
 *
 * @param checks `(value) => boolean` for: sqs, orderMessage, eventBridge, orderPlacedEvent, apiV1,
 *   apiV2, createOrder, createOrderQuery, tenantPath
 * @param fail `(typeName, check) => Error` for a value a check rejects
 */
export function composeDecoders(checks, fail) {
  const checked = (check, typeName, value) => {
    if (!check(value)) throw fail(typeName, check);
    return value;
  };
  const sqsWithBodies = (text) => {
    const event = checked(checks.sqs, "SQSEvent", JSON.parse(text));
    for (const record of event.Records) record.body = checked(checks.orderMessage, "OrderMessage", JSON.parse(record.body));
    return event;
  };
  const apiRequest = (envelope, params) => (text) => {
    const event = checked(envelope, "API request", JSON.parse(text));
    event.body = checked(checks.createOrder, "CreateOrder", JSON.parse(event.body));
    if (params) {
      // API Gateway sends null or nothing for absent parameters; typed, they are `{}`.
      event.queryStringParameters = checked(checks.createOrderQuery, "CreateOrderQuery", event.queryStringParameters ?? {});
      event.pathParameters = checked(checks.tenantPath, "TenantPath", event.pathParameters ?? {});
    }
    return event;
  };
  const envelope = (check, typeName) => (text) => checked(check, typeName, JSON.parse(text));
  return {
    "sqs-10": sqsWithBodies,
    eventbridge: envelope(checks.orderPlacedEvent, "OrderPlacedEvent"),
    "apigw-v1": apiRequest(checks.apiV1, false),
    "apigw-v2": apiRequest(checks.apiV2, true),
    "sqs-1mb": sqsWithBodies,
    "sqs-10-envelope": envelope(checks.sqs, "SQSEvent"),
    "eventbridge-envelope": envelope(checks.eventBridge, "EventBridgeEvent"),
    "apigw-v1-envelope": envelope(checks.apiV1, "APIGatewayProxyEvent"),
    "apigw-v2-envelope": envelope(checks.apiV2, "APIGatewayProxyEventV2"),
  };
}
