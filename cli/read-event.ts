import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readSample, sampleSources } from "../emulator/samples.js";
import { CommandError } from "./command-error.js";
import { describeSyntaxError } from "../runtime/decode/index.js";

/** The event given to `--event` cannot be read, or is not JSON. */
export class EventInputError extends CommandError {
  override readonly name = "EventInputError";
}

export interface EventInput {
  text: string;
  /** Where it came from, for messages: `orders.json`, `stdin`, `built-in sample sqs`. */
  origin: string;
}

/**
 * Reads `--event`: a JSON file, `-` for stdin, or the name of a built-in sample (`sqs`,
 * `apigw-v2`, ...). A file of that name wins over a sample. The text must be JSON.
 */
export async function readEvent(value: string | undefined, cwd: string): Promise<EventInput> {
  if (value === undefined) return { text: "{}", origin: "the empty event {}" };
  let input: EventInput;
  if (value === "-") input = { text: await readStdin(), origin: "stdin" };
  else if (existsSync(resolve(cwd, value))) input = { text: readEventFile(resolve(cwd, value), value), origin: `event file ${value}` };
  else if (sampleSources().includes(value)) return { text: readSample(value), origin: `built-in sample ${value}` };
  else {
    throw new EventInputError(
      `no event file "${value}" in ${cwd}, and it is not a built-in sample (${sampleSources().join(", ")}); give a JSON file, - for stdin, or a sample name`,
    );
  }
  assertJson(input);
  return input;
}

/** Throws an `EventInputError` naming the origin, position, line and column when the text is not JSON. */
function assertJson({ text, origin }: EventInput): void {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new EventInputError(`${origin} ${describeSyntaxError(error, text)}`);
  }
}

function readEventFile(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new EventInputError(`cannot read event file ${shown}: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
