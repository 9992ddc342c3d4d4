import { logFormatOf, minLogLevelOf } from "./levels.js";
import { patchConsole } from "./console-patch.js";
import { setLogSink } from "./structured.js";

/**
 * Patches the console per `AWS_LAMBDA_LOG_FORMAT` and `AWS_LAMBDA_LOG_LEVEL`. The JSON formatter
 * is imported only when JSON logging is on, to keep it off the text-format cold start.
 * Returns a function that restores the console.
 */
export async function installLogging(write: (line: string) => void = writeStdout, env: NodeJS.ProcessEnv = process.env): Promise<() => void> {
  const format = logFormatOf(env);
  const minLevel = minLogLevelOf(env);
  // kata-runtime patches before loading the handler, then start() asks again: the same patch is kept.
  if (installed && installed.write === write && installed.format === format && installed.minLevel === minLevel) return () => {};
  const formatJson = format === "JSON" ? (await import("./json-format.js")).formatJson : undefined;
  const restore = patchConsole({ formatJson, minLevel, write });
  const current = { write, format, minLevel };
  installed = current;
  setLogSink({ json: format === "JSON", minLevel, write });
  return () => {
    if (installed !== current) return restore();
    installed = undefined;
    setLogSink(undefined);
    restore();
  };
}

let installed: { write: (line: string) => void; format: string; minLevel: number } | undefined;

function writeStdout(line: string): void {
  process.stdout.write(line);
}
