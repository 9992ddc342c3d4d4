import { resultBody } from "../body.js";
import type { HttpApiEvent, HttpApiResult } from "../events.js";
import { eventHeader, responseHeaders } from "../headers.js";
import { buildRequest, type EventProcessor } from "../processor.js";
import { stripStage } from "../stage.js";
import { escapeQuery } from "../url.js";

const source = "HTTP API / Function URL";

// requestContext.domainName keeps the URL's own domain even behind CloudFront or a custom Host.
const FUNCTION_URL_DOMAIN = /\.lambda-url\.[a-z0-9-]+\.on\.aws$/i;

/** Payload format 2.0: HTTP APIs and Lambda Function URLs. */
export const httpApi: EventProcessor<HttpApiEvent, HttpApiResult> = {
  streams: (event) => FUNCTION_URL_DOMAIN.test(event.requestContext.domainName ?? ""),

  createRequest(event, options) {
    const headers = { single: event.headers, multi: undefined };
    const stage = event.requestContext.stage;
    return buildRequest(source, {
      method: event.requestContext.http.method,
      path: options.stripStage ? stripStage(event.rawPath, stage) : event.rawPath,
      // As the client sent it: repeated keys and encoding intact (`queryStringParameters` comma-joins them).
      query: escapeQuery(event.rawQueryString ?? ""),
      headers,
      host: eventHeader(headers, "host"),
      // Format 2.0 moves the Cookie headers into `cookies`.
      cookie: event.cookies && event.cookies.length > 0 ? event.cookies.join("; ") : undefined,
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      domainName: event.requestContext.domainName,
    });
  },

  async createResult(_event, response) {
    const { headers, cookies } = responseHeaders(response);
    const result: HttpApiResult = { statusCode: response.status, headers, ...(await resultBody(response, headers)) };
    // Each entry becomes one Set-Cookie header; a comma-joined header would break cookies with Expires.
    if (cookies.length > 0) result.cookies = cookies;
    return result;
  },
};
