/**
 * Where UTF-8 bytes first go wrong (overlong forms, surrogates and code points past U+10FFFF
 * included), or -1. Runs only after a strict decode has failed, so that the error can say where.
 * A lenient decode writes U+FFFD for each bad sequence, from its first byte: the first U+FFFD
 * that the bytes do not spell (EF BF BD) is where they go wrong. The text before it is valid, so
 * its UTF-8 length is the offset.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let counted = 0;
  for (let at = text.indexOf("\ufffd"); at >= 0; at = text.indexOf("\ufffd", at + 1)) {
    offset += Buffer.byteLength(text.slice(counted, at));
    counted = at;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return -1;
}
