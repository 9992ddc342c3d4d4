import type { Context } from "aws-lambda";
import { contextFields } from "../handlers/support/context.js";

/** A plain `@types/aws-lambda` Context, as a unit test (or the managed runtime) passes it. */
export function awsContext(awsRequestId: string, remainingMs = 30_000): Context {
  return { ...contextFields(awsRequestId, remainingMs), done: () => {}, fail: () => {}, succeed: () => {} };
}
