import type { IncomingMessage } from "node:http";
import type { ApiReply } from "./lambda-errors.js";

/** `ClientContext`: "Up to 3,583 bytes of base64-encoded data about the invoking client" (Invoke API reference). */
const MAX_CLIENT_CONTEXT_BYTES = 3583;
const INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** What a header value may carry on the way to the runtime (`Lambda-Runtime-Client-Context`): tab and printable ASCII. */
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The Invoke API's own refusal: 400 with the error type in `x-amzn-ErrorType`, as Lambda answers. */
export interface InvokeRefusal {
  reply: ApiReply;
  errorType: string;
}

/** `X-Amz-Invocation-Type`: one of Lambda's three values, `RequestResponse` when absent. */
export function invocationTypeOf(req: IncomingMessage): InvocationType | InvokeRefusal {
  const value = req.headers["x-amz-invocation-type"] ?? "RequestResponse";
  if ((INVOCATION_TYPES as readonly unknown[]).includes(value)) return value as InvocationType;
  const message = `1 validation error detected: Value ${JSON.stringify(value)} at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [${INVOCATION_TYPES.join(", ")}]`;
  return refusal("ValidationException", message);
}

/**
 * `X-Amz-Client-Context`: base64 of a JSON object, handed to the runtime as the decoded JSON in a
 * header. Anything that could not travel in that header (invalid base64 or UTF-8, not a JSON
 * object, control characters such as CR/LF) is refused here, before an invocation exists.
 */
export function clientContextOf(req: IncomingMessage): string | undefined | InvokeRefusal {
  const header = req.headers["x-amz-client-context"];
  if (header === undefined) return undefined;
  const encoded = Array.isArray(header) ? header.join(",") : header;
  const invalid = (why: string) => refusal("InvalidRequestContentException", `X-Amz-Client-Context ${why}. Send the base64 encoding of a JSON object of at most ${MAX_CLIENT_CONTEXT_BYTES} bytes.`);
  if (Buffer.byteLength(encoded) > MAX_CLIENT_CONTEXT_BYTES) return invalid(`is ${Buffer.byteLength(encoded)} bytes, over the limit`);
  if (!BASE64.test(encoded)) return invalid("is not valid base64");
  let text: string;
  try {
    text = utf8.decode(Buffer.from(encoded, "base64"));
  } catch {
    return invalid("does not decode to UTF-8 text");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid("does not decode to JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return invalid("does not decode to a JSON object");
  if (!HEADER_SAFE.test(text)) return invalid("holds characters that a header cannot carry (line breaks, control characters; write non-ASCII text as \\u escapes)");
  return text;
}

export function isRefusal(value: unknown): value is InvokeRefusal {
  return typeof value === "object" && value !== null && "reply" in value;
}

function refusal(errorType: string, message: string): InvokeRefusal {
  return { errorType, reply: { status: 400, body: { Type: "User", message } } };
}
