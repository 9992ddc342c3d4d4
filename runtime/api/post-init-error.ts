import { toErrorResponse } from "../error-response.js";
import type { RuntimeApiConnection, RuntimeApiResponse } from "../transport/connection.js";
import { errorHeaders } from "./post-error.js";
import { expectAccepted } from "./runtime-api-error.js";

const INIT_ERROR = "/2018-06-01/runtime/init/error";

/**
 * POST /2018-06-01/runtime/init/error
 * Reports a failure before the first `/next`; the runtime must exit afterwards.
 */
export async function postInitError(connection: RuntimeApiConnection, error: unknown): Promise<RuntimeApiResponse> {
  const response = toErrorResponse(error);
  return expectAccepted(await connection.request("POST", INIT_ERROR, errorHeaders(response), JSON.stringify(response)), INIT_ERROR);
}
