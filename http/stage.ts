// Where the stage sits in a REST API path: see runtime/decode/fills/stage-path.ts, which the decoders share.

export { restPathWithStage } from "../runtime/decode/index.js";

/** For `http(app, { stripStage: true })`: routes written without the stage. */
export function stripStage(path: string, stage: string | undefined): string {
  if (!stage || stage === "$default") return path;
  const prefix = `/${stage}`;
  if (path === prefix) return "/";
  return path.startsWith(prefix + "/") ? path.slice(prefix.length) : path;
}
