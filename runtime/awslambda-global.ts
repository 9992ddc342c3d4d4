/**
 * Marks a `globalThis.awslambda` that kata's loop created (to hold `InvokeStore` for Powertools
 * and the AWS SDK), so that code looking for the managed runtime's `awslambda` (response
 * streaming) is not misled by kata's own. `Symbol.for`: the bundled kata-runtime and the
 * function's copy of kata must agree on it.
 */
export const KATA_AWSLAMBDA = Symbol.for("kata.awslambda-global");

/** True when `globalThis.awslambda` exists and is the managed runtime's, not kata's. */
export function isManagedAwsLambdaGlobal<T extends object>(awslambda: T | undefined): awslambda is T {
  return awslambda !== undefined && !(KATA_AWSLAMBDA in awslambda);
}
