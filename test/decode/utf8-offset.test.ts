import { it } from "node:test";
import assert from "node:assert/strict";
import { DecodeError, parseJson } from "../../runtime/decode/index.js";

const strict = new TextDecoder("utf-8", { fatal: true });
const isUtf8 = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Where the bytes go wrong, by definition: the end of their longest prefix that is valid UTF-8. */
function firstBadByte(bytes: Uint8Array): number {
  for (let end = bytes.length; end >= 0; end--) if (isUtf8(bytes.subarray(0, end))) return end;
  return 0;
}

/** Bytes near UTF-8: ASCII, leads, continuations, U+FFFD spelt out, a BOM, and stray bytes. */
function nearUtf8(random: () => number): Uint8Array {
  const pieces = [[0x41], [0x7b], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbf, 0xbd], [0xef, 0xbb, 0xbf], [0x80], [0xbf], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xe2, 0x82], [0xf0, 0x9f]];
  const bytes: number[] = [];
  for (let n = Math.floor(random() * 8); n > 0; n--) bytes.push(...pieces[Math.floor(random() * pieces.length)]!);
  return Uint8Array.from(bytes);
}

it("names the first byte where UTF-8 goes wrong, in 5,000 byte strings near UTF-8", () => {
  let seed = 14;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let checked = 0;
  for (let i = 0; i < 5000; i++) {
    const bytes = nearUtf8(random);
    if (isUtf8(bytes)) continue;
    const offset = firstBadByte(bytes);
    const expected = `is not UTF-8 text (byte 0x${bytes[offset]!.toString(16).padStart(2, "0")} at byte offset ${offset}). Send the JSON encoded as UTF-8.`;
    assert.throws(() => parseJson("Order", bytes), (error: unknown) => error instanceof DecodeError && error.issues[0]!.message === expected, `bytes ${Buffer.from(bytes).toString("hex")}: ${expected}`);
    checked++;
  }
  assert.ok(checked > 2000, `${checked} invalid cases`);
});
