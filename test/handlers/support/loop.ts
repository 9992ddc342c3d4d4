import { start } from "../../../runtime/index.js";
import { startMockRuntimeApi, type MockRuntimeApi, type Outcome } from "../../support/mock-runtime-api.js";

/** One handler running under kata's `start`, fed by a mock Runtime API on 127.0.0.1. */
export interface KataLoop {
  api: MockRuntimeApi;
  /** Log lines written by the loop's console (what CloudWatch would receive). */
  logs: string[];
  /** Queues one invocation and resolves with what the loop posted back, its body parsed. */
  invoke(event: unknown, requestId?: string): Promise<Outcome & { json: any }>;
  stop(): Promise<void>;
}

export async function runUnderKata(handler: unknown): Promise<KataLoop> {
  const api = await startMockRuntimeApi();
  const logs: string[] = [];
  const controller = new AbortController();
  const running = start(handler, { runtimeApi: api.address, signal: controller.signal, writeLog: (line) => void logs.push(line) });
  return {
    api,
    logs,
    async invoke(event, requestId) {
      const outcome = await api.enqueue({ body: event, ...(requestId === undefined ? {} : { requestId }) });
      return { ...outcome, json: JSON.parse(outcome.body.toString("utf8")) };
    },
    async stop() {
      controller.abort();
      await running;
      await api.close();
    },
  };
}
