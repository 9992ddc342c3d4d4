import { deepStrictEqual } from "node:assert/strict";
import { spawn } from "node:child_process";
import { lambdaEnvironment, LOOPS } from "./loops.mjs";

const wallClock = () => performance.timeOrigin + performance.now();
const STALL_MS = 15_000;

/**
 * The floor for reaching `/next` at all: Node starts, opens one socket and writes a GET, nothing
 * else (CommonJS through `-e`, no module loaded). A loop's start-up beyond this is its own.
 */
const POLL_FLOOR = `const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
require("net").connect(Number(port), host, function () { this.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\\r\\nHost: " + host + "\\r\\n\\r\\n"); }).resume();`;

/** Resolves with the child's exit, or rejects if it exits before `until` settles. */
function failOnEarlyExit(exited, label) {
  return exited.then(({ code, signal }) => {
    throw new Error(`bench: ${label} exited (${signal ?? `code ${code}`}) before its first response. Run it by hand to see why.`);
  });
}

/**
 * Starts one fresh process as Lambda would (no IPC channel, no output captured) and times, on the
 * wall clock of both processes, spawn → the first GET /next and spawn → the first response the
 * mock Runtime API receives. `until: "exit"` times spawn → exit instead (for `node -e 0`);
 * `until: "poll"` stops at the first GET /next.
 *
 * @returns `{ firstPollMs, firstResponseMs }`, `{ firstPollMs }` or `{ exitMs }`
 */
export async function timeSpawn(api, { label, command, args, env, event, expected, until = "response" }) {
  if (until !== "exit") await api.run({ event, checkpoints: [1], concurrency: 1 });
  const start = wallClock();
  const child = spawn(command, args, { env, stdio: "ignore" });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  if (until === "exit") {
    const { code } = await exited;
    if (code !== 0) throw new Error(`bench: ${label} exited with code ${code}`);
    return { exitMs: wallClock() - start };
  }
  const early = failOnEarlyExit(exited, label);
  // On a loaded machine a spawn has stalled for minutes now and then: give up on it, and retry.
  let timer;
  const stalled = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`bench: ${label} stalled for ${STALL_MS / 1000} s`), { stalled: true })), STALL_MS);
  });
  const initError = api.messages.next("init-error").then(({ body }) => {
    throw new Error(`bench: ${label} failed its init: ${body}`);
  });
  try {
    const poll = await Promise.race([api.messages.next("first-poll"), early, initError, stalled]);
    if (until === "poll") return { firstPollMs: poll.wallAt - start };
    const response = await Promise.race([api.messages.next("first-response"), early, initError, stalled]);
    if (response.error) throw new Error(`bench: ${label} posted an invocation error: ${response.body}`);
    deepStrictEqual(JSON.parse(response.body), expected, `bench: ${label} answered ${response.body}`);
    return { firstPollMs: poll.wallAt - start, firstResponseMs: response.wallAt - start };
  } finally {
    clearTimeout(timer);
    stalled.catch(() => {});
    early.catch(() => {});
    initError.catch(() => {});
    api.messages.stopWaiting("first-poll", "first-response", "init-error");
    child.kill("SIGKILL");
    await exited;
  }
}

/** How to start a subject (see `alternateSpawns`), and what to wait for. */
function spawnSpec(subject, api, node, event, expected) {
  const { label } = subject;
  if (subject.bare === "exit") return { label, command: node, args: ["-e", "0"], env: { PATH: process.env.PATH }, until: "exit" };
  if (subject.bare === "poll") return { label, command: node, args: ["-e", POLL_FLOOR], env: lambdaEnvironment({ address: api.address }), event, until: "poll" };
  return {
    label,
    command: subject.command ?? node,
    args: subject.command ? [] : [...(subject.nodeArgs ?? []), LOOPS[subject.loop].script],
    env: lambdaEnvironment({ address: api.address, handler: subject.handler, taskRoot: subject.taskRoot, extra: subject.env }),
    event,
    expected,
  };
}

/**
 * Fresh processes, subjects alternating within each run (A B C, B C A, ...), `runs` times.
 * A subject is `{ bare: "exit" }` (node -e 0, to exit), `{ bare: "poll" }` (the poll floor above),
 * `{ loop, handler, taskRoot?, env? }` (node <loop script>) or `{ command, handler, taskRoot, env? }`
 * (a packaged bootstrap).
 *
 * @returns `{ [id]: { firstPollMs: number[], firstResponseMs: number[] } | { exitMs: number[] } }`
 */
export async function alternateSpawns(api, node, subjects, { runs, event, expected, onRun }) {
  const ids = Object.keys(subjects);
  const samples = Object.fromEntries(ids.map((id) => [id, {}]));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[(run + k) % ids.length];
      const spec = spawnSpec(subjects[id], api, node, event, expected);
      const figures = await timeSpawn(api, spec).catch((error) => {
        if (!error.stalled) throw error;
        console.warn(`\n${error.message}; retrying once`);
        return timeSpawn(api, spec);
      });
      for (const [key, value] of Object.entries(figures)) (samples[id][key] ??= []).push(value);
    }
    onRun?.(run + 1, runs);
  }
  return samples;
}
