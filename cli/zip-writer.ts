import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Buffer;
  /** Unix permissions; 0o644 when absent. Lambda runs `bootstrap` only if it is executable (0o755). */
  mode?: number;
}

// Every entry gets the same timestamp (1980-01-01 00:00, the DOS epoch), so that the same
// sources give a byte-identical zip and deployments are skipped when nothing changed.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const DEFLATE = 8;
const STORE = 0;

/**
 * Writes a zip archive (PKWARE APPNOTE 6.3: local headers, central directory, end record), each
 * entry deflated unless deflating does not make it smaller, with its Unix mode in the external
 * attributes so that `bootstrap` stays executable on Lambda. No zip64: Lambda's limits are far below 4 GB.
 */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : entry.data;
    const checksum = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    central.push(centralRecord(name, method, checksum, body.length, entry.data.length, entry.mode ?? 0o644, offset));
    parts.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function centralRecord(name: Buffer, method: number, checksum: number, compressed: number, size: number, mode: number, offset: number): Buffer {
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(MADE_BY_UNIX, 4);
  record.writeUInt16LE(VERSION_NEEDED, 6);
  record.writeUInt16LE(UTF8_NAMES, 8);
  record.writeUInt16LE(method, 10);
  record.writeUInt16LE(DOS_TIME, 12);
  record.writeUInt16LE(DOS_DATE, 14);
  record.writeUInt32LE(checksum, 16);
  record.writeUInt32LE(compressed, 20);
  record.writeUInt32LE(size, 24);
  record.writeUInt16LE(name.length, 28);
  // Extra field, comment, disk number and internal attributes stay 0.
  record.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38); // S_IFREG | permissions, in the high 16 bits
  record.writeUInt32LE(offset, 42);
  return Buffer.concat([record, name]);
}
