import { postInitError } from "./api/post-init-error.js";
import { logError } from "./logging/runtime-log.js";
import type { RuntimeApiConnection } from "./transport/connection.js";

/**
 * The docs' init contract: "If an error occurs, call the initialization error API and exit
 * immediately." Logs the error, posts it to `/runtime/init/error`, exits 1.
 */
export async function failInit(connection: RuntimeApiConnection, error: unknown): Promise<never> {
  logError("Init Error", error);
  try {
    await postInitError(connection, error);
  } catch (failure) {
    logError("kata: could not post the init error", failure);
  }
  connection.close();
  process.exit(1);
}
