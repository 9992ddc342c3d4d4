import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { checkedHost } from "../http/host.js";

/** Content types whose bodies API Gateway passes as text; any other body is base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql)|[^;]*\+(json|xml))/i;

/**
 * The API Gateway HTTP API event (payload format 2.0) for a plain HTTP request, with the
 * `$default` route: duplicate headers and query parameters joined with commas, cookies moved
 * out of the headers into `cookies`, header names in lower case.
 */
export function httpApiEvent(req: IncomingMessage, body: Buffer, now = new Date()): Record<string, unknown> {
  // The request target as sent: a URL parser would read `//double//slash` as a host and resolve `..`.
  const target = req.url ?? "/";
  const queryStart = target.indexOf("?");
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQueryString = queryStart < 0 ? "" : target.slice(queryStart + 1);
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === "cookie") continue;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const cookieHeader = req.headers.cookie;
  const cookies = cookieHeader === undefined ? [] : cookieHeader.split(/;\s*/).filter((c) => c !== "");
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  // The Host header is the client's; API Gateway's domainName is always a plain host.
  const domainName = checkedHost(headers["host"]) ?? "localhost";
  const isText = body.length === 0 || TEXT_TYPES.test(headers["content-type"] ?? "text/plain");
  const event: Record<string, unknown> = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName,
      domainPrefix: domainName.split(".")[0]!.split(":")[0],
      http: {
        method: req.method ?? "GET",
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomBytes(12).toString("base64").replace(/=+$/, "="),
      routeKey: "$default",
      stage: "$default",
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: !isText,
  };
  if (body.length > 0) event["body"] = body.toString(isText ? "utf8" : "base64");
  return event;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `requestContext.time` as API Gateway writes it: `12/Mar/2020:19:03:58 +0000`. */
export function apiGatewayTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
