import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A mock Lambda Runtime API: a real `node:http` server on 127.0.0.1 (ephemeral port) that
 * records every request and serves queued invocations to long-polling `/next` requests.
 * Failures are injected per request so that tests can drive the runtime's error paths.
 */

const NEXT = "/2018-06-01/runtime/invocation/next";
const INIT_ERROR = "/2018-06-01/runtime/init/error";
const INVOCATION_POST = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;
const EXTENSION_REGISTER = "/2020-01-01/extension/register";
const EXTENSION_NEXT = "/2020-01-01/extension/event/next";

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** HTTP trailers of a chunked request body (lower-cased names). */
  trailers: Record<string, string>;
  /** True when the client went away before the body ended. */
  aborted: boolean;
}

export interface Invocation {
  /** Defaults to `req-<n>`. */
  requestId?: string;
  /** Sent as is when a string or bytes, JSON-encoded otherwise. */
  body: unknown;
  /** Extra or overriding response headers (e.g. `Lambda-Runtime-Invocation-Id`); `null` removes a default one. */
  headers?: Record<string, string | null>;
  /** Defaults to now + 30 s. */
  deadlineMs?: number;
  /** `null` omits the Content-Type header. Defaults to `application/json`. */
  contentType?: string | null;
  /** Sends the body with `Transfer-Encoding: chunked` (two chunks) instead of Content-Length. */
  chunked?: boolean;
}

export interface Outcome {
  kind: "response" | "error";
  requestId: string;
  headers: Record<string, string>;
  body: Buffer;
  trailers: Record<string, string>;
}

export type Sabotage =
  | { status: number; body?: string }
  /** `reset` sends a TCP RST, `close` a clean FIN, both without any response. */
  | { drop: "reset" | "close" };

export interface PostFailure {
  /** Which post to sabotage; any invocation post when omitted. */
  kind?: "response" | "error" | "init-error";
  requestId?: string;
  /** How many matching posts to sabotage (default 1). */
  times?: number;
  answer: Sabotage;
}

export interface NextFailure {
  /** How many `/next` requests to sabotage (default 1). */
  times?: number;
  answer: Sabotage;
}

export interface MockRuntimeApi {
  /** `127.0.0.1:<port>`, the value for `AWS_LAMBDA_RUNTIME_API`. */
  readonly address: string;
  readonly requests: readonly RecordedRequest[];
  readonly initErrors: readonly RecordedRequest[];
  /** Number of `/next` requests currently held open. */
  readonly pendingPolls: number;
  /**
   * Queues an invocation; resolves with the first post for it that was answered 2xx. Queuing one
   * request id twice (a duplicate-id fault) resolves each with its own post, in order.
   */
  enqueue(invocation: Invocation): Promise<Outcome>;
  failPost(failure: PostFailure): void;
  failNext(failure: NextFailure): void;
  /** Makes the extension event long-poll answer with a SHUTDOWN event. */
  sendShutdown(reason?: string): void;
  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves once `count` `/next` requests are held open at the same time. */
  waitForPolls(count: number, timeoutMs?: number): Promise<void>;
  /** Posts (response/error) recorded for one request id, in order. */
  postsFor(requestId: string): RecordedRequest[];
  close(): Promise<void>;
}

interface Failure<T> {
  spec: T;
  left: number;
}

export async function startMockRuntimeApi(): Promise<MockRuntimeApi> {
  const requests: RecordedRequest[] = [];
  const queue: Invocation[] = [];
  const polls: ServerResponse[] = [];
  const extensionPolls: ServerResponse[] = [];
  // A list per id: a fault script may hand out one request id twice, and each is answered once.
  const outcomes = new Map<string, ((outcome: Outcome) => void)[]>();
  const postFailures: Failure<PostFailure>[] = [];
  const nextFailures: Failure<NextFailure>[] = [];
  const watchers: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  const pollWatchers: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  let shutdownReason: string | undefined;
  let counter = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let recorded = false;
    const record = (aborted: boolean): RecordedRequest | undefined => {
      if (recorded) return undefined;
      recorded = true;
      const entry: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: flatten(req.headers),
        body: Buffer.concat(chunks),
        trailers: flatten(req.trailers),
        aborted,
      };
      requests.push(entry);
      for (const w of watchers.splice(0)) {
        if (w.match(entry)) w.resolve(entry);
        else watchers.push(w);
      }
      return entry;
    };
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("close", () => {
      if (!req.complete) record(true);
    });
    req.on("end", () => {
      const entry = record(false);
      if (entry) route(entry, req, res);
    });
  });
  // Lambda never closes an idle runtime connection; node's 5 s default would.
  server.keepAliveTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function route(entry: RecordedRequest, req: IncomingMessage, res: ServerResponse): void {
    if (entry.method === "GET" && entry.path === NEXT) return onNext(res);
    if (entry.method === "POST" && entry.path === INIT_ERROR) {
      if (sabotaged("init-error", undefined, req, res)) return;
      return accepted(res);
    }
    const post = INVOCATION_POST.exec(entry.path);
    if (entry.method === "POST" && post) {
      const requestId = decodeURIComponent(post[1]!);
      const kind = post[2] as "response" | "error";
      if (sabotaged(kind, requestId, req, res)) return;
      accepted(res);
      const waiting = outcomes.get(requestId);
      const resolve = waiting?.shift();
      if (waiting?.length === 0) outcomes.delete(requestId);
      resolve?.({ kind, requestId, headers: entry.headers, body: entry.body, trailers: entry.trailers });
      return;
    }
    if (entry.method === "POST" && entry.path === EXTENSION_REGISTER) {
      res.writeHead(200, { "Content-Type": "application/json", "Lambda-Extension-Identifier": "ext-id-1" });
      res.end(JSON.stringify({ functionName: "mock-function", functionVersion: "$LATEST", handler: "index.handler" }));
      return;
    }
    if (entry.method === "GET" && entry.path === EXTENSION_NEXT) {
      extensionPolls.push(res);
      if (shutdownReason !== undefined) flushShutdown();
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ errorMessage: `mock: no route for ${entry.method} ${entry.path}`, errorType: "NotFound" }));
  }

  function sabotaged(kind: PostFailure["kind"], requestId: string | undefined, req: IncomingMessage, res: ServerResponse): boolean {
    const failure = postFailures.find(
      (f) => f.left > 0 && (f.spec.kind === undefined ? kind !== "init-error" : f.spec.kind === kind) && (f.spec.requestId === undefined || f.spec.requestId === requestId),
    );
    if (!failure) return false;
    failure.left--;
    answer(failure.spec.answer, req, res);
    return true;
  }

  function onNext(res: ServerResponse): void {
    const failure = nextFailures.find((f) => f.left > 0);
    if (failure) {
      failure.left--;
      return answer(failure.spec.answer, res.req, res);
    }
    const invocation = queue.shift();
    if (invocation) return serve(res, invocation);
    polls.push(res);
    res.on("close", () => {
      const i = polls.indexOf(res);
      if (i >= 0) polls.splice(i, 1);
    });
    for (const w of pollWatchers.splice(0)) {
      if (polls.length >= w.count) w.resolve();
      else pollWatchers.push(w);
    }
  }

  function serve(res: ServerResponse, invocation: Invocation): void {
    const body = toBuffer(invocation.body);
    const headers: Record<string, string> = {
      "Lambda-Runtime-Aws-Request-Id": invocation.requestId!,
      "Lambda-Runtime-Deadline-Ms": String(invocation.deadlineMs ?? Date.now() + 30_000),
      "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:123456789012:function:mock-function",
      "Lambda-Runtime-Trace-Id": `Root=1-5bef4de7-${invocation.requestId!.padStart(24, "0").slice(-24)};Parent=9a9197af755a6419;Sampled=1`,
    };
    for (const [name, value] of Object.entries(invocation.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    if (invocation.contentType !== null) headers["Content-Type"] = invocation.contentType ?? "application/json";
    if (invocation.chunked) {
      res.writeHead(200, headers);
      const half = body.length >> 1;
      res.write(body.subarray(0, half));
      res.end(body.subarray(half));
    } else {
      headers["Content-Length"] = String(body.length);
      res.writeHead(200, headers);
      res.end(body);
    }
  }

  function flushShutdown(): void {
    for (const res of extensionPolls.splice(0)) {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ eventType: "SHUTDOWN", shutdownReason, deadlineMs: Date.now() + 2000 }));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    requests,
    get initErrors() {
      return requests.filter((r) => r.path === INIT_ERROR);
    },
    get pendingPolls() {
      return polls.length;
    },
    enqueue(invocation) {
      const requestId = invocation.requestId ?? `req-${++counter}`;
      const full = { ...invocation, requestId };
      const outcome = new Promise<Outcome>((resolve) => outcomes.set(requestId, [...(outcomes.get(requestId) ?? []), resolve]));
      const poll = polls.shift();
      if (poll) serve(poll, full);
      else queue.push(full);
      return outcome;
    },
    failPost(spec) {
      postFailures.push({ spec, left: spec.times ?? 1 });
    },
    failNext(spec) {
      nextFailures.push({ spec, left: spec.times ?? 1 });
    },
    sendShutdown(reason = "spindown") {
      shutdownReason = reason;
      flushShutdown();
    },
    waitForRequest(match, timeoutMs = 5000) {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return withTimeout(new Promise((resolve) => watchers.push({ match, resolve })), timeoutMs, "a matching request");
    },
    waitForPolls(count, timeoutMs = 5000) {
      if (polls.length >= count) return Promise.resolve();
      return withTimeout(new Promise<void>((resolve) => pollWatchers.push({ count, resolve })), timeoutMs, `${count} pending /next polls`);
    },
    postsFor(requestId) {
      const prefix = `/2018-06-01/runtime/invocation/${requestId}/`;
      return requests.filter((r) => r.method === "POST" && r.path.startsWith(prefix));
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function answer(sabotage: Sabotage, req: IncomingMessage, res: ServerResponse): void {
  if ("drop" in sabotage) {
    const socket = req.socket;
    if (sabotage.drop === "reset" && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
    else socket.destroy();
    return;
  }
  const body = sabotage.body ?? JSON.stringify({ errorMessage: `mock: injected ${sabotage.status}`, errorType: `Mock.Status${sabotage.status}` });
  res.writeHead(sabotage.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function accepted(res: ServerResponse): void {
  res.writeHead(202, { "Content-Type": "application/json" });
  res.end('{"status":"OK"}');
}

function toBuffer(body: unknown): Buffer {
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}

function flatten(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`mock runtime API: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
