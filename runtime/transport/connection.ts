/** A response from the Runtime API. Header names are lower-case. */
export interface RuntimeApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API. Each concurrent loop worker owns one,
 * so a long-poll on `/next` never waits behind another worker's request.
 */
export interface RuntimeApiConnection {
  /** Sends one request and resolves with the whole response. Reconnects if the peer closed the socket. */
  request(method: "GET" | "POST", path: string, headers?: Record<string, string>, body?: Uint8Array | string): Promise<RuntimeApiResponse>;
  /**
   * Sends a POST with a chunked body produced by `body`. When `body` throws, the request is ended
   * with the HTTP trailers that `trailersFor(error)` returns instead of a clean end.
   */
  stream(
    path: string,
    headers: Record<string, string>,
    body: AsyncIterable<Uint8Array>,
    trailersFor: (error: unknown) => Record<string, string>,
  ): Promise<RuntimeApiResponse>;
  close(): void;
}

/** `host:port` from `AWS_LAMBDA_RUNTIME_API`. */
export type ConnectionFactory = (address: string) => RuntimeApiConnection;
