/**
 * Where the API Gateway stage sits in the path. On the default `execute-api` endpoint the client's
 * URL is `/{stage}/...`, and HTTP APIs keep the stage in `rawPath` (and payload 1.0 `path`); REST
 * APIs leave it out of `path`, so it is put back when the request came to that endpoint. Custom
 * domains map a base path instead of the stage, and REST `path` already includes it.
 */

export { restPathWithStage } from "../runtime/decode/fills/stage-path.js";

/** For `http(app, { stripStage: true })`: routes written without the stage. */
export function stripStage(path: string, stage: string | undefined): string {
  if (!stage || stage === "$default") return path;
  const prefix = `/${stage}`;
  if (path === prefix) return "/";
  return path.startsWith(prefix + "/") ? path.slice(prefix.length) : path;
}
