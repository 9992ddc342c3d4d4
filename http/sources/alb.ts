import { resultBody } from "../body.js";
import type { AlbEvent, AlbResult } from "../events.js";
import { eventHeader, multiValueResponseHeaders, singleValueResponseHeaders } from "../headers.js";
import { buildRequest, type EventProcessor } from "../processor.js";
import { statusDescription } from "../status-text.js";
import { queryFrom } from "../url.js";

const source = "ALB";

/** Application Load Balancer targets, with or without multi-value headers. */
export const alb: EventProcessor<AlbEvent, AlbResult> = {
  streams: () => false,

  createRequest(event) {
    const headers = { single: event.headers, multi: event.multiValueHeaders };
    return buildRequest(source, {
      method: event.httpMethod,
      path: event.path,
      // The load balancer does not decode parameters: they are passed on as the client sent them.
      query: queryFrom(event.multiValueQueryStringParameters, event.queryStringParameters, false),
      headers,
      host: eventHeader(headers, "host"),
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      domainName: undefined,
    });
  },

  async createResult(event, response) {
    const description = statusDescription(response);
    // With multi-value headers enabled the target group reads only `multiValueHeaders`, else only `headers`.
    if (event.multiValueHeaders) {
      const multiValueHeaders = multiValueResponseHeaders(response);
      return { statusCode: response.status, statusDescription: description, multiValueHeaders, ...(await resultBody(response, multiValueHeaders)) };
    }
    const headers = singleValueResponseHeaders(response);
    return { statusCode: response.status, statusDescription: description, headers, ...(await resultBody(response, headers)) };
  },
};
