import { randomBytes, randomUUID } from "node:crypto";
import type { LambdaErrorBody } from "./lambda-errors.js";

/** Extra facts an invoker may attach to one invocation. */
export interface InvokeOptions {
  /** Decoded `X-Amz-Client-Context` JSON, passed on as `Lambda-Runtime-Client-Context`. */
  clientContext?: string | undefined;
  /** Cognito identity JSON, passed on as `Lambda-Runtime-Cognito-Identity`. */
  cognitoIdentity?: string | undefined;
  /** X-Ray trace header; a fresh one is made when absent. */
  traceId?: string | undefined;
  /**
   * Offered a streamed response as it starts: returns where its chunks go as they arrive (`kata
   * serve --http` relays them to the HTTP client), or undefined to take it whole in the result.
   */
  relayStream?: ((contentType: string, requestId: string) => ((chunk: Buffer) => void) | undefined) | undefined;
}

/** How an invocation ended, as the invoker sees it. */
export interface InvokeResult {
  requestId: string;
  /** The function's response, or the error document when it failed. */
  payload: Buffer;
  contentType: string;
  /** Set when the invocation failed (Lambda's `X-Amz-Function-Error: Unhandled`). */
  error?: LambdaErrorBody | undefined;
  /** Where a failure happened: while the function initialised, or while it handled the event. */
  phase?: "init" | "invoke" | undefined;
  /** The runtime's response mode (`streaming` when it streamed its response). */
  streamed?: boolean | undefined;
  durationMs: number;
}

export type Outcome = Omit<InvokeResult, "requestId" | "durationMs">;

/** An X-Ray trace header as Lambda forms it: `Root=1-<epoch hex>-<96-bit id>;Parent=...;Sampled=0`. */
export function newTraceId(now = Date.now()): string {
  const epoch = Math.floor(now / 1000).toString(16).padStart(8, "0");
  return `Root=1-${epoch}-${randomBytes(12).toString("hex")};Parent=${randomBytes(8).toString("hex")};Sampled=0`;
}

/** One event on its way through the emulator: queued, handed to the runtime, then settled once. */
export class Invocation {
  readonly requestId = randomUUID();
  readonly traceId: string;
  readonly result: Promise<InvokeResult>;
  deadlineMs = 0;
  startedAt = 0;
  timer: NodeJS.Timeout | undefined;
  private settle!: (result: InvokeResult) => void;
  private settled = false;

  constructor(
    readonly event: Buffer,
    readonly options: InvokeOptions = {},
  ) {
    this.traceId = options.traceId ?? newTraceId();
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  get done(): boolean {
    return this.settled;
  }

  /** Settles the invocation; later outcomes (a response after a timeout) are ignored. */
  finish(outcome: Outcome): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    const durationMs = this.startedAt === 0 ? 0 : performance.now() - this.startedAt;
    this.settle({ requestId: this.requestId, durationMs, ...outcome });
    return true;
  }

  fail(error: LambdaErrorBody, phase: "init" | "invoke", payload: Buffer = Buffer.from(JSON.stringify(error))): boolean {
    return this.finish({ payload, contentType: "application/json", error, phase });
  }

  /** The headers of the `/next` response that hands this invocation to the runtime. */
  nextHeaders(functionArn: string): Record<string, string> {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "Lambda-Runtime-Aws-Request-Id": this.requestId,
      "Lambda-Runtime-Deadline-Ms": String(this.deadlineMs),
      "Lambda-Runtime-Invoked-Function-Arn": functionArn,
      "Lambda-Runtime-Trace-Id": this.traceId,
      "Content-Length": String(this.event.length),
    };
    if (this.options.clientContext !== undefined) headers["Lambda-Runtime-Client-Context"] = this.options.clientContext;
    if (this.options.cognitoIdentity !== undefined) headers["Lambda-Runtime-Cognito-Identity"] = this.options.cognitoIdentity;
    return headers;
  }
}
