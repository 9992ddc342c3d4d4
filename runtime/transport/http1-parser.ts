import { ChunkedBodyDecoder } from "./chunked.js";
import type { RuntimeApiResponse } from "./connection.js";
import { CHUNKED, HttpParseError, parseResponseHead, UNTIL_CLOSE, type ResponseHead } from "./response-head.js";

/**
 * Incremental parser of one HTTP/1.x response at a time, fed with whatever the socket delivers.
 * The common case (head and body in one read) costs one search for CRLFCRLF, one latin1 decode
 * of the head and a view of the body: no copy, no intermediate streams.
 */

const HEAD = 0;
const LENGTH_BODY = 1;
const CHUNKED_BODY = 2;
const CLOSE_BODY = 3;

const MAX_HEAD = 64 * 1024;
const END_OF_HEAD = Buffer.from("\r\n\r\n", "latin1");
const EMPTY = new Uint8Array(0);

export class ResponseParser {
  private state = HEAD;
  private carriedHead = "";
  private head: ResponseHead | undefined;
  private body: Buffer | undefined;
  private filled = 0;
  private chunked: ChunkedBodyDecoder | undefined;
  private untilClose: Uint8Array[] = [];
  /** Bytes of the current response seen so far. */
  received = 0;
  /** True when the last `execute` kept views of its input in the response under construction. */
  retainsInput = false;
  /** Bytes after the end of the response in the last input (a server answering more than asked). */
  excess = 0;
  /** Whether the connection may carry another request after the last completed response. */
  keepAlive = true;

  /** Feeds one read. Returns the response when it is complete, otherwise undefined. */
  execute(input: Buffer): RuntimeApiResponse | undefined {
    this.received += input.length;
    this.retainsInput = false;
    let pos = 0;
    while (this.state === HEAD) {
      pos = this.readHead(input, pos);
      if (pos === -1) return undefined;
    }
    const head = this.head as ResponseHead;
    if (this.state === LENGTH_BODY) return this.readLengthBody(input, pos, head);
    if (this.state === CHUNKED_BODY) {
      const decoder = this.chunked as ChunkedBodyDecoder;
      const before = decoder.pieces.length;
      const end = decoder.execute(input, pos, head.headers);
      this.retainsInput = decoder.pieces.length > before;
      return end === -1 ? undefined : this.complete(head, decoder.body(), input.length - end);
    }
    if (pos < input.length) {
      this.untilClose.push(input.subarray(pos));
      this.retainsInput = true;
    }
    return undefined;
  }

  /** The server closed the connection: completes a body delimited by the close, if that is the one being read. */
  endOfInput(): RuntimeApiResponse | undefined {
    if (this.state !== CLOSE_BODY) return undefined;
    const pieces = this.untilClose;
    return this.complete(this.head as ResponseHead, pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces), 0);
  }

  /** Where in the response the input stopped, for error messages. */
  progress(): string {
    if (this.received === 0) return "before any response byte arrived";
    const where = this.state === HEAD ? "in the response head" : "in the response body";
    return `after ${this.received} response bytes (${where})`;
  }

  /** Forgets a partial response (the connection it came from is gone). */
  reset(): void {
    this.state = HEAD;
    this.carriedHead = "";
    this.head = undefined;
    this.body = undefined;
    this.filled = 0;
    this.chunked = undefined;
    this.untilClose = [];
    this.received = 0;
  }

  /** Returns the position after the head, or -1 when the head is not complete yet. */
  private readHead(input: Buffer, pos: number): number {
    let text: string;
    if (this.carriedHead === "") {
      const end = input.indexOf(END_OF_HEAD, pos);
      if (end === -1) return this.carryHead(input.toString("latin1", pos));
      text = input.toString("latin1", pos, end);
      pos = end + 4;
    } else {
      // The head was cut by an earlier read; search again across the cut.
      const carried = this.carriedHead.length;
      const joined = this.carriedHead + input.toString("latin1", pos);
      const end = joined.indexOf("\r\n\r\n", Math.max(0, carried - 3));
      if (end === -1) return this.carryHead(joined.slice(carried));
      text = joined.slice(0, end);
      pos += end + 4 - carried;
      this.carriedHead = "";
    }
    const head = parseResponseHead(text);
    if (head.status < 200) return pos; // an interim 1xx response; the final one follows
    this.head = head;
    this.keepAlive = head.keepAlive;
    if (head.bodyLength === CHUNKED) {
      this.chunked = new ChunkedBodyDecoder();
      this.state = CHUNKED_BODY;
    } else {
      this.state = head.bodyLength === UNTIL_CLOSE ? CLOSE_BODY : LENGTH_BODY;
    }
    return pos;
  }

  private carryHead(part: string): number {
    this.carriedHead += part;
    if (this.carriedHead.length > MAX_HEAD) throw new HttpParseError(`response head longer than ${MAX_HEAD} bytes`);
    return -1;
  }

  private readLengthBody(input: Buffer, pos: number, head: ResponseHead): RuntimeApiResponse | undefined {
    const length = head.bodyLength;
    const available = input.length - pos;
    if (this.body === undefined) {
      if (length === 0) return this.complete(head, EMPTY, available);
      if (available >= length) {
        this.retainsInput = true;
        return this.complete(head, input.subarray(pos, pos + length), available - length);
      }
      // The body spans reads: gather it into one buffer of the announced size.
      this.body = Buffer.allocUnsafe(length);
    }
    const n = Math.min(length - this.filled, available);
    this.filled += input.copy(this.body, this.filled, pos, pos + n);
    return this.filled === length ? this.complete(head, this.body, available - n) : undefined;
  }

  private complete(head: ResponseHead, body: Uint8Array, excess: number): RuntimeApiResponse {
    this.reset();
    this.excess = excess;
    return { status: head.status, headers: head.headers, body };
  }
}
