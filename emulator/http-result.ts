import type { InvokeResult } from "./invocation.js";

export interface HttpResponseParts {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** Content type of a streamed HTTP response: a JSON prelude, 8 NUL bytes, then the body. */
export const HTTP_INTEGRATION_TYPE = "application/vnd.awslambda.http-integration-response";
export const PRELUDE_SEPARATOR = Buffer.alloc(8);

const internalServerError: HttpResponseParts = {
  statusCode: 500,
  headers: { "content-type": "application/json" },
  cookies: [],
  body: Buffer.from('{"message":"Internal Server Error"}'),
};

/**
 * Turns a function's result into the HTTP response API Gateway (payload format 2.0) would send:
 * a `{ statusCode, headers, cookies, body, isBase64Encoded }` object as it says; any other JSON
 * as a 200 `application/json` body; a failed invocation or a malformed result as a 500.
 */
export function httpResponseFromResult(result: InvokeResult): HttpResponseParts {
  if (result.error !== undefined) return internalServerError;
  if (result.contentType.startsWith(HTTP_INTEGRATION_TYPE)) return fromStreamed(result.payload);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.payload.toString("utf8"));
  } catch {
    return internalServerError;
  }
  if (typeof parsed === "object" && parsed !== null && typeof (parsed as { statusCode?: unknown }).statusCode === "number") {
    return fromStructured(parsed as Record<string, unknown>);
  }
  return { statusCode: 200, headers: { "content-type": "application/json" }, cookies: [], body: result.payload };
}

function fromStructured(response: Record<string, unknown>, body?: Buffer): HttpResponseParts {
  const headers: Record<string, string> = {};
  const given = response["headers"];
  if (typeof given === "object" && given !== null) {
    for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = String(value);
  }
  const cookies = Array.isArray(response["cookies"]) ? response["cookies"].map(String) : [];
  const text = typeof response["body"] === "string" ? response["body"] : "";
  return {
    statusCode: response["statusCode"] as number,
    headers,
    cookies,
    body: body ?? Buffer.from(text, response["isBase64Encoded"] === true ? "base64" : "utf8"),
  };
}

function fromStreamed(payload: Buffer): HttpResponseParts {
  const end = payload.indexOf(PRELUDE_SEPARATOR);
  const parts = end < 0 ? undefined : fromPrelude(payload.subarray(0, end), payload.subarray(end + PRELUDE_SEPARATOR.length));
  return parts ?? internalServerError;
}

/** The status, headers and cookies of a streamed HTTP response's JSON prelude (200 when it names none). */
export function fromPrelude(json: Buffer, body: Buffer = Buffer.alloc(0)): HttpResponseParts | undefined {
  try {
    const prelude = JSON.parse(json.toString("utf8")) as Record<string, unknown>;
    return fromStructured({ statusCode: 200, ...prelude }, body);
  } catch {
    return undefined;
  }
}
