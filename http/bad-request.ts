import type { InvalidBodyError } from "./errors.js";

/**
 * The 400 for a request the app cannot be given, in the same RFC 9457 shape as kata's typed API
 * handlers answer (`issues` with JSON pointers into the event), so clients see one error format.
 */
export function badRequestResponse(error: InvalidBodyError): Response {
  const problem = { type: "about:blank", title: "Bad Request", status: 400, detail: `${error.message}.`, issues: [{ pointer: "/body", message: error.message }] };
  return new Response(JSON.stringify(problem), { status: 400, headers: { "content-type": "application/problem+json" } });
}
