/**
 * Errors of the loopback Runtime API client. Each names the request (`METHOD /path`) it belongs
 * to, so that a log line alone tells which Runtime API call failed and why.
 */

/** The TCP connection failed, was reset or closed before the whole response to a request arrived. */
export class RuntimeApiConnectionError extends Error {
  override readonly name = "RuntimeApiConnectionError";
  readonly method: string;
  readonly path: string;
  /** Response bytes received before the failure; 0 means the Runtime API never started answering. */
  readonly responseBytes: number;

  constructor(method: string, path: string, what: string, responseBytes: number, cause?: unknown) {
    super(`${method} ${path}: ${what}`, cause === undefined ? undefined : { cause });
    this.method = method;
    this.path = path;
    this.responseBytes = responseBytes;
  }
}

/** The Runtime API answered with bytes that are not a valid HTTP/1.x response. */
export class RuntimeApiProtocolError extends Error {
  override readonly name = "RuntimeApiProtocolError";
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, problem: string) {
    super(`${method} ${path}: invalid HTTP response from the Runtime API: ${problem}`);
    this.method = method;
    this.path = path;
  }
}

/** A request header, trailer or path would break the HTTP framing (CR/LF injection) or is reserved. */
export class InvalidHeaderError extends Error {
  override readonly name = "InvalidHeaderError";
  /** The offending header or trailer name (or `path`). */
  readonly header: string;

  constructor(header: string, problem: string) {
    super(`${header}: ${problem}`);
    this.header = header;
  }
}

/** A second request was started on a connection while the first one was still in flight. */
export class ConnectionInUseError extends Error {
  override readonly name = "ConnectionInUseError";

  constructor(inFlight: string, attempted: string) {
    super(
      `cannot send ${attempted}: this Runtime API connection is still waiting for ${inFlight}. ` +
        "A connection carries one request at a time; give each concurrent worker its own connection.",
    );
  }
}

/** `AWS_LAMBDA_RUNTIME_API` (or the address given to the connection factory) is not `host:port`. */
export class RuntimeApiAddressError extends Error {
  override readonly name = "RuntimeApiAddressError";

  constructor(address: string) {
    super(`Runtime API address ${JSON.stringify(address)} is not "host:port" (e.g. "127.0.0.1:9001"); check AWS_LAMBDA_RUNTIME_API`);
  }
}
