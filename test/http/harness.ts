import { http, type HttpOptions } from "../../http/index.js";
import { lambdaContext } from "./events.js";

/** The Request that the app receives for `event`. */
export async function requestFor(event: unknown, options: HttpOptions = {}): Promise<Request> {
  let received: Request | undefined;
  const handler = http((request) => {
    received = request;
    return new Response(null, { status: 204 });
  }, options);
  await handler(event, lambdaContext());
  if (!received) throw new Error("the app was not called");
  return received;
}

/** The result that the handler returns when the app answers `response` to `event`. */
export async function resultFor(event: unknown, response: Response): Promise<any> {
  return http(() => response)(event, lambdaContext());
}

/** Decoded search parameters as [key, value] pairs, in order. */
export const paramsOf = (request: Request): [string, string][] => [...new URL(request.url).searchParams];
