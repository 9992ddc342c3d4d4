import { addField, HttpParseError } from "./response-head.js";

/**
 * Incremental decoder of a `Transfer-Encoding: chunked` body (RFC 9112 §7.1): chunk sizes with
 * optional extensions (ignored), chunk data, and the trailer section, whose fields are merged
 * into the response headers. Input may be cut anywhere; a cut line is carried to the next call.
 */

const SIZE_LINE = 0;
const DATA = 1;
const DATA_CR = 2;
const DATA_LF = 3;
const TRAILER_LINE = 4;

/** Longest chunk-size or trailer line accepted (extensions included). */
const MAX_LINE = 16 * 1024;
const LF = 0x0a;

export class ChunkedBodyDecoder {
  private state = SIZE_LINE;
  private remaining = 0;
  private carried = "";
  /** Chunk data, as views of the inputs; the caller must keep those inputs unchanged. */
  pieces: Uint8Array[] = [];
  length = 0;

  /**
   * Decodes `input` from `pos`. Returns the position just after the trailer section when the body
   * ended in this input, or -1 when more input is needed.
   */
  execute(input: Buffer, pos: number, headers: Record<string, string>): number {
    const end = input.length;
    while (pos < end) {
      switch (this.state) {
        case DATA: {
          const n = Math.min(this.remaining, end - pos);
          this.pieces.push(input.subarray(pos, pos + n));
          this.length += n;
          this.remaining -= n;
          pos += n;
          if (this.remaining === 0) this.state = DATA_CR;
          break;
        }
        case DATA_CR:
        case DATA_LF: {
          const expected = this.state === DATA_CR ? 0x0d : LF;
          if (input[pos] !== expected) throw new HttpParseError("chunk data is not followed by CRLF (chunk size too small?)");
          pos++;
          this.state = this.state === DATA_CR ? DATA_LF : SIZE_LINE;
          break;
        }
        default: {
          const lineEnd = input.indexOf(LF, pos);
          if (lineEnd === -1) {
            this.carry(input.toString("latin1", pos, end));
            return -1;
          }
          const line = this.carried + input.toString("latin1", pos, lineEnd);
          this.carried = "";
          pos = lineEnd + 1;
          if (line.charCodeAt(line.length - 1) !== 0x0d) throw new HttpParseError("chunk line not ended by CRLF");
          if (this.state === SIZE_LINE) this.startChunk(line);
          else if (line.length === 1) return pos;
          else addField(line, 0, line.length - 1, headers);
        }
      }
    }
    return -1;
  }

  /** The decoded body: the single piece itself when there is only one. */
  body(): Uint8Array {
    return this.pieces.length === 1 ? (this.pieces[0] as Uint8Array) : Buffer.concat(this.pieces, this.length);
  }

  private startChunk(line: string): void {
    let size = 0;
    let digits = 0;
    for (; digits < line.length - 1; digits++) {
      const value = hexValue(line.charCodeAt(digits));
      if (value === -1) break;
      size = size * 16 + value;
    }
    // After the size only chunk extensions (";name=value", possibly after whitespace) may follow.
    const rest = line.slice(digits, -1).trimStart();
    if (digits === 0 || digits > 12 || (rest !== "" && rest[0] !== ";")) {
      throw new HttpParseError(`bad chunk size line ${JSON.stringify(line.slice(0, 80))}`);
    }
    this.remaining = size;
    this.state = size === 0 ? TRAILER_LINE : DATA;
  }

  private carry(part: string): void {
    this.carried += part;
    if (this.carried.length > MAX_LINE) throw new HttpParseError(`chunk size or trailer line longer than ${MAX_LINE} bytes`);
  }
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
