import { logFormatOf, minLogLevelOf } from "./levels.js";
import { patchConsole } from "./console-patch.js";

/**
 * Patches the console per `AWS_LAMBDA_LOG_FORMAT` and `AWS_LAMBDA_LOG_LEVEL`. The JSON formatter
 * is imported only when JSON logging is on, to keep it off the text-format cold start.
 * Returns a function that restores the console.
 */
export async function installLogging(write: (line: string) => void = writeStdout, env: NodeJS.ProcessEnv = process.env): Promise<() => void> {
  const formatJson = logFormatOf(env) === "JSON" ? (await import("./json-format.js")).formatJson : undefined;
  return patchConsole({ formatJson, minLevel: minLogLevelOf(env), write });
}

function writeStdout(line: string): void {
  process.stdout.write(line);
}
