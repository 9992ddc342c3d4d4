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

/** Runs `fn` with console.warn captured: its value, and each WARN line it logged. */
export async function withWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}
