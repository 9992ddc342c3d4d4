import { ConfigInvalidError } from "./errors.js";

/**
 * How many invocations may run at once: `start(h, { concurrency })`, else
 * `AWS_LAMBDA_MAX_CONCURRENCY` (set by Lambda Managed Instances, "the maximum number of concurrent
 * invocations Lambda will send to one execution environment"), else 1.
 */
export function resolveConcurrency(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return checked(option, "the concurrency option of start()");
  const raw = env.AWS_LAMBDA_MAX_CONCURRENCY;
  if (raw === undefined || raw === "") return 1;
  return checked(Number(raw), `AWS_LAMBDA_MAX_CONCURRENCY (${JSON.stringify(raw)})`);
}

function checked(value: number, source: string): number {
  if (!Number.isInteger(value) || value < 1) throw new ConfigInvalidError(`${source} must be a whole number of at least 1, got ${value}.`);
  return value;
}
