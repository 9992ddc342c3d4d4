import { deepStrictEqual } from "node:assert/strict";
import { fork } from "node:child_process";
import { lambdaEnvironment } from "./loops.mjs";
import { messageQueue } from "./mock-api.mjs";

const PROBE = new URL("./usage-probe.mjs", import.meta.url).href;

/** A loop that answers wrongly or posts errors would be measuring something else: stop the bench. */
function checkAnswers(checkpoint, loop, expected) {
  if (checkpoint.errors > 0) throw new Error(`bench: ${loop.label} posted ${checkpoint.errors} invocation errors; first answer: ${checkpoint.firstResponse}`);
  try {
    deepStrictEqual(JSON.parse(checkpoint.firstResponse), expected);
  } catch {
    throw new Error(`bench: ${loop.label} answered ${checkpoint.firstResponse}, expected ${JSON.stringify(expected)}`);
  }
}

async function usageOf(child, messages) {
  child.send({ type: "report" });
  return messages.next("usage");
}

/**
 * One client process on the mock Runtime API: `warmup` invocations, then `invocations` measured.
 * The client's CPU time and RSS are read while it waits in its long-poll at both ends of the
 * measured window; latency (p50, p99) comes from the server, per invocation of that window.
 *
 * @returns `{ cpuUs, perSecond, p50Ms, p99Ms, rssMiB }`, CPU in µs per invocation
 */
export async function runSteadyState(api, node, { loop, handler, event, expected, warmup, invocations, concurrency = 1, env = {} }) {
  await api.run({ event, checkpoints: [warmup, warmup + invocations], concurrency, pollers: concurrency });
  const child = fork(loop.script, [], {
    execPath: node,
    execArgv: ["--import", PROBE],
    env: lambdaEnvironment({ address: api.address, handler, extra: env }),
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const fromChild = messageQueue(child, `${loop.label} (${handler})`);
  try {
    const warm = await api.messages.next("checkpoint");
    checkAnswers(warm, loop, expected);
    const before = await usageOf(child, fromChild);
    api.resume();
    const end = await api.messages.next("checkpoint");
    const after = await usageOf(child, fromChild);
    checkAnswers(end, loop, expected);
    return {
      cpuUs: (after.cpuUs - before.cpuUs) / invocations,
      perSecond: (invocations * 1000) / (end.at - end.since),
      p50Ms: end.latency.p50,
      p99Ms: end.latency.p99,
      rssMiB: after.rss / 2 ** 20,
    };
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
}
