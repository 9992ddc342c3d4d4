import { validateHeaderValue, type ServerResponse } from "node:http";
import { FunctionProcess, writeLog, type LogTarget } from "./function-process.js";
import { functionArn, lambdaEnvironment, newLogStreamName, type FunctionSettings } from "./function-settings.js";
import { Invocation, type InvokeOptions, type InvokeResult, type Outcome } from "./invocation.js";
import {
  accepted,
  invalidRequestId,
  invalidStateTransition,
  runtimeExited,
  taskTimedOut,
  type ApiReply,
  type LambdaErrorBody,
  type ProcessExit,
} from "./lambda-errors.js";
import { endLine, peakMemoryMb, reportLine, startLine } from "./report-lines.js";

/** Lambda's limit on the init phase of an on-demand function. */
const INIT_LIMIT_SECONDS = 10;

export interface EnvironmentOptions {
  settings: FunctionSettings;
  /** The function process to run, e.g. `["node", "dist/runtime/bin.js"]` or `["./bootstrap"]`. */
  command: readonly string[];
  cwd: string;
  logs: LogTarget;
  /** `host:port` of the Runtime API, for `AWS_LAMBDA_RUNTIME_API`. */
  runtimeApi: string;
}

/** A failure met while initialising, served to the next invocation (Lambda: "served in response to the first invoke"). */
type InitFailure = (requestId: string) => { payload: Buffer; error: LambdaErrorBody };

/** A process that dies sooner than this after starting is not restarted until the next invocation. */
const CRASH_LOOP_MS = 1000;
/** How long a runtime may linger after posting `/init/error` before it is killed. */
const INIT_ERROR_GRACE_MS = 500;
const ANSWERED_IDS_KEPT = 1000;

/**
 * One Lambda execution environment: a function process, the invocations waiting for it, and the
 * Runtime API state (which invocation is in flight, which ids were already answered). One
 * invocation runs at a time, as on Lambda; more `/next` calls simply wait.
 */
export class ExecutionEnvironment {
  private process: FunctionProcess | undefined;
  private startedAt = 0;
  private initialised = false;
  private initDurationMs: number | undefined;
  private initTimer: NodeJS.Timeout | undefined;
  private initErrorPosted: { payload: Buffer; error: LambdaErrorBody; delivered: boolean } | undefined;
  private pendingFailure: InitFailure | undefined;
  private current: Invocation | undefined;
  private readonly queue: Invocation[] = [];
  private readonly parked: ServerResponse[] = [];
  private readonly answered = new Set<string>();
  /** END and REPORT of the last settled invocation, written when the runtime is done with it. */
  private unreported: (() => void) | undefined;
  private reported: Promise<void> = Promise.resolve();
  private markReported: () => void = () => {};
  private closed = false;

  constructor(private readonly options: EnvironmentOptions) {}

  get settings(): FunctionSettings {
    return this.options.settings;
  }

  /** Pid of the running function process, if any (changes on every restart). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /** Starts the function process now, so that it initialises before the first invocation. */
  start(): void {
    if (this.process === undefined && !this.closed) this.spawn();
  }

  invoke(event: Buffer, options: InvokeOptions = {}): Promise<InvokeResult> {
    const invocation = new Invocation(event, options);
    if (this.closed) {
      invocation.fail({ errorType: "Emulator.Closed", errorMessage: "The emulator was closed" }, "invoke");
      return invocation.result;
    }
    const failure = this.pendingFailure;
    if (failure !== undefined) {
      this.pendingFailure = undefined;
      const { payload, error } = failure(invocation.requestId);
      invocation.fail(error, "init", payload);
      return invocation.result;
    }
    this.queue.push(invocation);
    if (this.process === undefined) this.spawn();
    else if (!this.initialised) this.armInitTimer();
    this.pump();
    return invocation.result;
  }

  // GET /2018-06-01/runtime/invocation/next
  next(res: ServerResponse): void {
    this.reportDone();
    if (!this.initialised) {
      this.initialised = true;
      this.initDurationMs = performance.now() - this.startedAt;
      this.clearInitTimer();
    }
    this.parked.push(res);
    res.once("close", () => this.unpark(res));
    this.pump();
  }

  /** Settles the invocation in flight with `outcome` (`/response`, `/error`); `transition` names the call for 403s. */
  complete(requestId: string, transition: string, outcome: Outcome): ApiReply {
    const current = this.current;
    if (current?.requestId !== requestId) {
      return this.answered.has(requestId) ? invalidStateTransition("ResponseSent", transition) : invalidRequestId;
    }
    this.settle(current, outcome);
    return accepted;
  }

  /** Where the chunks of a streamed response go as they arrive, if its invoker relays them. */
  relay(requestId: string, contentType: string): ((chunk: Buffer) => void) | undefined {
    const current = this.current;
    return current?.requestId === requestId ? current.options.relayStream?.(contentType, requestId) : undefined;
  }

  // POST /2018-06-01/runtime/init/error
  initError(payload: Buffer, error: LambdaErrorBody): ApiReply {
    if (this.initialised || this.process === undefined) return invalidStateTransition(this.initialised ? "Ready" : "Stopped", "InitError");
    const head = this.queue.shift();
    this.initErrorPosted = { payload, error, delivered: head !== undefined };
    head?.fail(error, "init", payload);
    // The runtime "should exit after reporting the error"; one that lingers is stopped.
    const lingering = this.process;
    setTimeout(() => void lingering.kill(), INIT_ERROR_GRACE_MS).unref();
    return accepted;
  }

  /** Stops the function process once the invocation in flight (if any) is done, and starts a new one. */
  async restart(): Promise<void> {
    while (this.current !== undefined) await this.current.result;
    await this.recycle();
  }

  async close(): Promise<void> {
    this.closed = true;
    const closedError = { errorType: "Emulator.Closed", errorMessage: "The emulator was closed before the function answered" };
    for (const invocation of this.queue.splice(0)) invocation.fail(closedError, "invoke");
    if (this.current !== undefined) this.settle(this.current, { payload: Buffer.from(JSON.stringify(closedError)), contentType: "application/json", error: closedError, phase: "invoke" });
    await this.stopProcess();
  }

  private spawn(): void {
    const { settings, command, cwd, logs, runtimeApi } = this.options;
    const env = lambdaEnvironment(settings, runtimeApi, newLogStreamName(settings.functionVersion));
    const started = new FunctionProcess(command, env, cwd, logs);
    this.process = started;
    this.startedAt = performance.now();
    this.initialised = false;
    this.initDurationMs = undefined;
    this.initErrorPosted = undefined;
    this.pendingFailure = undefined; // the new process initialises afresh (e.g. with fixed code)
    if (this.queue.length > 0) this.armInitTimer();
    void started.exited.then((exit) => this.exited(started, exit));
  }

  /**
   * An invocation that waits for a runtime still initialising times out, but as Lambda does: init
   * has its own limit of 10 s, or the function timeout when that is longer (Lambda then retries init
   * inside the invoke), so a short function timeout does not count the runtime's start-up.
   */
  private armInitTimer(): void {
    if (this.initTimer !== undefined) return;
    const seconds = Math.max(INIT_LIMIT_SECONDS, this.settings.timeoutSeconds);
    this.initTimer = setTimeout(() => {
      this.initTimer = undefined;
      const head = this.queue.shift();
      if (head === undefined) return;
      head.fail(taskTimedOut(head.requestId, this.settings.timeoutSeconds), "init");
      void this.recycle();
    }, seconds * 1000);
  }

  private pump(): void {
    while (this.current === undefined && this.queue.length > 0 && this.parked.length > 0) {
      const res = this.parked.shift()!;
      if (res.writableEnded || res.destroyed) continue;
      // An invocation that cannot be handed over fails at once; the poll waits for the next one.
      if (!this.dispatch(this.queue.shift()!, res)) this.parked.unshift(res);
    }
  }

  private dispatch(invocation: Invocation, res: ServerResponse): boolean {
    const { settings, logs } = this.options;
    this.reportDone();
    invocation.deadlineMs = Date.now() + settings.timeoutSeconds * 1000;
    const headers = nextHeadersOf(invocation, functionArn(settings));
    if (headers === undefined) return false;
    this.current = invocation;
    invocation.startedAt = performance.now();
    writeLog(logs, startLine(invocation.requestId, settings.functionVersion));
    res.writeHead(200, headers);
    res.end(invocation.event);
    invocation.timer = setTimeout(() => {
      // Detach first, so that no other invocation is handed to the process about to be killed.
      const timedOut = this.detachProcess();
      this.settle(invocation, { ...failure(taskTimedOut(invocation.requestId, settings.timeoutSeconds)), phase: "invoke" }, "timeout", timedOut);
      void this.recycle(timedOut);
    }, settings.timeoutSeconds * 1000);
    return true;
  }

  private settle(invocation: Invocation, outcome: Outcome, status?: "timeout", ran = this.process): void {
    if (!invocation.finish(outcome)) return;
    if (this.current === invocation) this.current = undefined;
    this.answered.add(invocation.requestId);
    if (this.answered.size > ANSWERED_IDS_KEPT) this.answered.delete(this.answered.values().next().value!);
    const { logs, settings } = this.options;
    const facts = {
      requestId: invocation.requestId,
      memorySizeMb: settings.memorySizeMb,
      maxMemoryUsedMb: peakMemoryMb(ran?.pid),
      initDurationMs: this.initDurationMs,
      status: status ?? (outcome.error !== undefined ? ("error" as const) : undefined),
    };
    // Lambda writes END and REPORT when the runtime asks for its next invocation (or dies, or is
    // stopped), not when the response arrives: what the function logs after answering is part
    // of this invocation, and its duration runs until then.
    this.reported = new Promise((resolve) => (this.markReported = resolve));
    this.unreported = () => {
      writeLog(logs, endLine(invocation.requestId));
      writeLog(logs, reportLine({ ...facts, durationMs: performance.now() - invocation.startedAt }));
    };
    this.initDurationMs = undefined;
    this.pump();
  }

  /** Resolves once the last settled invocation has ended: its END and REPORT are written. */
  ended(): Promise<void> {
    return this.reported;
  }

  private reportDone(): void {
    const report = this.unreported;
    this.unreported = undefined;
    report?.();
    this.markReported();
  }

  /** Kills the process (after a timeout, as Lambda does, or for a restart), and starts a fresh one. */
  private async recycle(stopping = this.detachProcess()): Promise<void> {
    await this.kill(stopping);
    if (!this.closed && this.process === undefined) this.spawn();
  }

  private async stopProcess(): Promise<void> {
    await this.kill(this.detachProcess());
  }

  /** Forgets the current process, so that its exit is not taken for a crash and no invocation reaches it. */
  private detachProcess(): FunctionProcess | undefined {
    const detached = this.process;
    this.process = undefined;
    this.clearInitTimer();
    this.dropParked();
    return detached;
  }

  private async kill(target: FunctionProcess | undefined): Promise<void> {
    if (target !== undefined) await target.kill();
    this.reportDone();
    // A /next that the killed process sent just before dying must not receive an invocation.
    this.dropParked();
  }

  private clearInitTimer(): void {
    clearTimeout(this.initTimer);
    this.initTimer = undefined;
  }

  private exited(ended: FunctionProcess, exit: ProcessExit): void {
    if (ended !== this.process) return;
    this.detachProcess();
    const warm = this.initialised;
    if (this.current !== undefined) {
      this.settle(this.current, { ...failure(runtimeExited(this.current.requestId, exit)), phase: "invoke" });
    } else if (!warm) {
      this.failInit(exit);
    }
    this.reportDone();
    const livedLongEnough = performance.now() - this.startedAt > CRASH_LOOP_MS;
    if (!this.closed && ((warm && livedLongEnough) || this.queue.length > 0)) this.spawn();
  }

  /** The process died while initialising: the first waiting (or next) invocation gets why. */
  private failInit(exit: ProcessExit): void {
    const posted = this.initErrorPosted;
    if (posted?.delivered) return;
    const why: InitFailure = posted !== undefined ? () => posted : (requestId) => failure(runtimeExited(requestId, exit));
    const head = this.queue.shift();
    if (head === undefined) {
      this.pendingFailure = why;
      return;
    }
    const { payload, error } = why(head.requestId);
    head.fail(error, "init", payload);
  }

  private unpark(res: ServerResponse): void {
    const index = this.parked.indexOf(res);
    if (index >= 0) this.parked.splice(index, 1);
  }

  private dropParked(): void {
    for (const res of this.parked.splice(0)) res.destroy();
  }
}

/**
 * The `/next` headers of an invocation, or undefined when one of them cannot be sent (an
 * `Emulator.invoke` caller's client context with a line break): that invocation fails at once
 * instead of leaving the runtime's poll, and every invocation after it, without an answer.
 */
function nextHeadersOf(invocation: Invocation, arn: string): Record<string, string> | undefined {
  const headers = invocation.nextHeaders(arn);
  try {
    for (const [name, value] of Object.entries(headers)) validateHeaderValue(name, value);
    return headers;
  } catch (error) {
    invocation.fail({ errorType: "Emulator.InvalidInvocation", errorMessage: `Request ${invocation.requestId} cannot be handed to the runtime: ${(error as Error).message}` }, "invoke");
    return undefined;
  }
}

function failure(error: LambdaErrorBody): { payload: Buffer; contentType: string; error: LambdaErrorBody } {
  return { payload: Buffer.from(JSON.stringify(error)), contentType: "application/json", error };
}
