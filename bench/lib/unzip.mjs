import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { inflateRawSync } from "node:zlib";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORE = 0;
const DEFLATE = 8;

/**
 * Extracts a zip (stored or deflated entries, as `kata package` writes them) into `dir`, keeping
 * each entry's Unix mode so that a `bootstrap` stays executable. Returns `{ name, bytes }[]`.
 * Enough for the bench's own packages; not a general unzip (no zip64, no encryption).
 */
export function unzip(zip, dir) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error("bench: not a zip file (no end of central directory)");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`bench: zip central directory entry ${i} is damaged`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const mode = (zip.readUInt32LE(at + 38) >>> 16) & 0o777;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`bench: zip entry ${name} has no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    if (method !== STORE && method !== DEFLATE) throw new Error(`bench: zip entry ${name} uses compression method ${method}`);
    const data = method === DEFLATE ? inflateRawSync(stored) : stored;
    const file = join(dir, normalize(name));
    if (!file.startsWith(dir)) throw new Error(`bench: zip entry ${name} points outside ${dir}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    chmodSync(file, mode || 0o644);
    files.push({ name, bytes: data.length });
  }
  return files;
}
