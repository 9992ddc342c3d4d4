import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Messages from a child process, queued by type, so that none is missed between two awaits. */
export function messageQueue(child, label) {
  const queued = new Map();
  const waiting = new Map();
  let exited;
  child.on("message", (message) => {
    const resolve = waiting.get(message.type)?.shift();
    if (resolve) resolve(message);
    else (queued.get(message.type) ?? queued.set(message.type, []).get(message.type)).push(message);
  });
  child.once("exit", (code, signal) => {
    exited = new Error(`bench: ${label} exited (${signal ?? `code ${code}`}) while the bench waited for it; its stderr is above.`);
    for (const list of waiting.values()) for (const resolve of list) resolve(exited);
    waiting.clear();
  });
  return {
    /** The next message of `type`; rejects when the child exits first. */
    async next(type) {
      const message = queued.get(type)?.shift() ?? (exited ? exited : await new Promise((resolve) => (waiting.get(type) ?? waiting.set(type, []).get(type)).push(resolve)));
      if (message instanceof Error) throw message;
      return message;
    },
    /** Drops queued messages of `type` (left from a previous run). */
    clear(type) {
      queued.delete(type);
    },
    /** Forgets the pending `next(type)` calls (they never settle), so that they take no later message. */
    stopWaiting(...types) {
      for (const type of types) waiting.delete(type);
    },
  };
}

/**
 * Starts the mock Runtime API (server.mjs) in its own process, on `node` (the bench's Node 22).
 * `run(config)` starts a fresh run (see server.mjs) and resolves once the server is ready.
 */
export async function startMockApi(node) {
  const server = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [], { execPath: node, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const messages = messageQueue(server, "the mock Runtime API");
  const { port } = await messages.next("listening");
  return {
    address: `127.0.0.1:${port}`,
    messages,
    async run(config) {
      server.send({ type: "run", ...config });
      await messages.next("ready");
      // The server sends a run's messages after its `ready`: anything queued is from the run before.
      for (const type of ["first-poll", "first-response", "checkpoint"]) messages.clear(type);
    },
    resume: () => server.send({ type: "resume" }),
    close: () => server.connected && server.disconnect(),
  };
}
