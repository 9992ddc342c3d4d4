import { logWarning } from "./logging/runtime-log.js";

/**
 * Lambda sends SIGTERM before stopping a sandbox only when an extension is registered; otherwise
 * the process just gets SIGKILL. Like aws-lambda-go's `EnableSIGTERM`, kata registers an internal
 * extension that subscribes to no events, then parks on `/event/next` to signal that its init is
 * done (without events that call never returns, so its socket is unref'd to not hold the process).
 * Failure is only a warning: the function still works, it just may not see SIGTERM.
 */
export async function registerSigtermExtension(address: string): Promise<void> {
  const http = await import("node:http");
  try {
    // POST /2020-01-01/extension/register
    const registered = await send(http, address, "POST", "/2020-01-01/extension/register", { "Lambda-Extension-Name": "kata-runtime-sigterm" }, '{"events":[]}');
    const identifier = registered.headers["lambda-extension-identifier"];
    if (registered.statusCode !== 200 || typeof identifier !== "string") {
      throw new Error(`the Extensions API answered ${registered.statusCode}${identifier ? "" : " without a Lambda-Extension-Identifier"}`);
    }
    // GET /2020-01-01/extension/event/next
    void send(http, address, "GET", "/2020-01-01/extension/event/next", { "Lambda-Extension-Identifier": identifier }, undefined, true).catch(() => {});
  } catch (error) {
    logWarning(`kata: could not register the internal extension that enables SIGTERM, so onShutdown hooks may not run: ${(error as Error).message}`);
  }
}

type Http = typeof import("node:http");

function send(http: Http, address: string, method: string, path: string, headers: Record<string, string>, body?: string, unref = false): Promise<import("node:http").IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(`http://${address}${path}`, { method, headers, agent: false }, (res) => {
      res.resume();
      resolve(res);
    });
    if (unref) req.on("socket", (socket) => socket.unref());
    req.on("error", reject);
    req.end(body);
  });
}
