import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** The headers that carry the invocation's request id: the invoke API's, and API Gateway's. */
const REQUEST_ID_HEADERS = new Set(["x-amzn-requestid", "apigw-requestid"]);

/**
 * Writes one line per request once its response is done (or the client went away):
 * `POST /orders 201 12 ms request 6f1c…`. The request id is the one in the function's START line,
 * so the access log and the function's log can be matched.
 */
export function logAccess(req: IncomingMessage, res: ServerResponse, write: (line: string) => void): void {
  const started = performance.now();
  let requestId: string | undefined;
  // Headers given to writeHead() are not readable through getHeader() afterwards: catch them on the way.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    for (const [name, value] of Object.entries(headers ?? {})) if (REQUEST_ID_HEADERS.has(name.toLowerCase())) requestId = String(value);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
  res.once("close", () => {
    const ms = Math.round(performance.now() - started);
    const status = res.writableFinished ? String(res.statusCode) : `${res.headersSent ? res.statusCode : "-"} (aborted)`;
    write(`${req.method} ${req.url} ${status} ${ms} ms${requestId === undefined ? "" : ` request ${requestId}`}`);
  });
}
