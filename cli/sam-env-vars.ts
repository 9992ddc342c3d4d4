import { readFileSync } from "node:fs";
import { CommandError } from "./command-error.js";

/**
 * Reads SAM's `--env-vars` file: `{"Parameters": {...}}` applies to every function, and an object
 * named after the function (`{"Orders": {...}}`) applies to it and wins over `Parameters`. Values
 * may be strings, numbers or booleans (SAM turns them into strings); other functions' objects are
 * ignored, so one file serves a whole template.
 */
export function readSamEnvVars(path: string, shown: string, functionName: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CommandError(`cannot read --env-vars ${shown}: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new CommandError(`--env-vars ${shown} must be a JSON object like {"Parameters": {"STAGE": "dev"}, "${functionName}": {"TABLE_NAME": "local"}}`);
  return { ...variables(parsed, "Parameters", shown), ...variables(parsed, functionName, shown) };
}

function variables(file: Record<string, unknown>, key: string, shown: string): Record<string, string> {
  const group = file[key];
  if (group === undefined) return {};
  const pointer = `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  if (!isObject(group)) throw new CommandError(`--env-vars ${shown} at ${pointer}: must be an object of variable names to values`);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(group)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new CommandError(`--env-vars ${shown} at ${pointer}/${name}: must be a string, number or boolean (got ${value === null ? "null" : typeof value})`);
    }
    result[name] = String(value);
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
