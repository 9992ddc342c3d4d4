/**
 * Where the API Gateway stage sits in a REST API's path. On the default `execute-api` endpoint
 * the client's URL is `/{stage}/...`, but the event's `path` leaves the stage out (its
 * `requestContext.path` keeps it). Custom domains map a base path instead of the stage, and there
 * `path` is already the path the client sent.
 */

const EXECUTE_API_HOST = /\.execute-api\.[a-z0-9-]+\.(?:vpce\.)?amazonaws\.com(?:\.cn)?(?::\d+)?$/i;

/** The path the client asked for: `path` with `/{stage}` in front when the request came to `execute-api`. */
export function restPathWithStage(path: string, stage: string | undefined, host: string): string {
  if (!stage || stage === "$default" || !EXECUTE_API_HOST.test(host)) return path;
  return `/${stage}${path}`;
}
