import type { ServerResponse } from "node:http";
import { fromPrelude, HTTP_INTEGRATION_TYPE, PRELUDE_SEPARATOR } from "./http-result.js";
import type { InvokeResult } from "./invocation.js";

/**
 * Relays a streamed HTTP integration response to the HTTP client as it arrives, as a Function URL
 * in RESPONSE_STREAM mode does: the prelude becomes the status line and headers, each later
 * chunk is written at once. A response that is not streamed, or whose prelude is not JSON, is
 * left to the buffered path.
 */
export class HttpStreamRelay {
  private pending = Buffer.alloc(0);
  private started = false;

  constructor(private readonly res: ServerResponse) {}

  /** For `InvokeOptions.relayStream`. */
  readonly accept = (contentType: string, requestId: string): ((chunk: Buffer) => void) | undefined => {
    if (!contentType.startsWith(HTTP_INTEGRATION_TYPE)) return undefined;
    return (chunk) => this.chunk(chunk, requestId);
  };

  /** Ends the relayed response; false when nothing was relayed. A stream that failed part-way is cut off, so that the client sees an incomplete response. */
  finish(result: InvokeResult): boolean {
    if (!this.started) return false;
    if (result.error !== undefined) this.res.destroy();
    else this.res.end();
    return true;
  }

  private chunk(chunk: Buffer, requestId: string): void {
    if (this.started) {
      this.res.write(chunk);
      return;
    }
    this.pending = Buffer.concat([this.pending, chunk]);
    const end = this.pending.indexOf(PRELUDE_SEPARATOR);
    if (end < 0) return;
    const parts = fromPrelude(this.pending.subarray(0, end));
    if (parts === undefined) return;
    this.started = true;
    const { statusCode, headers, cookies } = parts;
    this.res.writeHead(statusCode, { ...headers, ...(cookies.length > 0 ? { "set-cookie": cookies } : {}), "apigw-requestid": requestId });
    this.res.flushHeaders();
    const rest = this.pending.subarray(end + PRELUDE_SEPARATOR.length);
    this.pending = Buffer.alloc(0);
    if (rest.length > 0) this.res.write(rest);
  }
}
