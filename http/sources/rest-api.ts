import { resultBody } from "../body.js";
import type { RestApiEvent, RestApiResult } from "../events.js";
import { eventHeader, multiValueResponseHeaders } from "../headers.js";
import { buildRequest, type EventProcessor } from "../processor.js";
import { restPathWithStage, stripStage } from "../stage.js";
import { queryFrom } from "../url.js";

const source = "API Gateway REST API";

/** REST APIs, and HTTP APIs with payload format 1.0 (same event and result shapes). */
export const restApi: EventProcessor<RestApiEvent, RestApiResult> = {
  // HTTP API payload 1.0 events say `version: "1.0"`; REST events have no version.
  streams: (event) => event.version === undefined,

  createRequest(event, options) {
    const headers = { single: event.headers, multi: event.multiValueHeaders };
    const stage = event.requestContext.stage;
    const host = eventHeader(headers, "host");
    // API Gateway's own domain name first: it decides where the stage is, as for requestContext.path.
    const routedTo = event.requestContext.domainName ?? host ?? "";
    // HTTP API payload 1.0 (`version: "1.0"`) keeps the stage in `path` already; REST leaves it out.
    let path = event.version === undefined ? restPathWithStage(event.path, stage, routedTo) : event.path;
    if (options.stripStage) path = stripStage(path, stage);
    return buildRequest(source, {
      method: event.httpMethod,
      path,
      // API Gateway percent-decodes parameter values, so they are encoded again.
      query: queryFrom(event.multiValueQueryStringParameters, event.queryStringParameters, true),
      headers,
      host,
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      domainName: event.requestContext.domainName,
    });
  },

  async createResult(_event, response) {
    const multiValueHeaders = multiValueResponseHeaders(response);
    return { statusCode: response.status, multiValueHeaders, ...(await resultBody(response, multiValueHeaders)) };
  },
};
