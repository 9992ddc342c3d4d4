import type { APIGatewayProxyResult } from "../generated/apigw-v1.js";

/**
 * A REST API (payload format 1.0) result as kata's handlers answer it: always with a `body`.
 * `fn` may leave it out, and API Gateway answers both the same way, but `@types/aws-lambda`
 * requires it, so that an `APIGatewayProxyHandler` can be given a kata handler.
 */
export type RestApiAnswer = APIGatewayProxyResult & { body: string };

export function withBody(result: APIGatewayProxyResult): RestApiAnswer {
  // Anything but a result object is left for the loop to report as it is.
  if (typeof result !== "object" || result === null || result.body !== undefined) return result as RestApiAnswer;
  return { ...result, body: "" };
}
