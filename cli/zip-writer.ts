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
    const fields: SharedFields = { method, checksum: crc32(entry.data), compressed: body.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, fields); // the extra field length (28) stays 0
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(MADE_BY_UNIX, 4);
    writeSharedFields(record, 6, fields); // extra, comment, disk and internal attributes stay 0
    record.writeUInt32LE(((0o100000 | (entry.mode ?? 0o644)) << 16) >>> 0, 38); // S_IFREG | permissions, high 16 bits
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
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

interface SharedFields {
  method: number;
  checksum: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** The run of fields that a local header and its central directory record both carry, from "version needed" on. */
function writeSharedFields(header: Buffer, at: number, fields: SharedFields): void {
  header.writeUInt16LE(VERSION_NEEDED, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(fields.checksum, at + 10);
  header.writeUInt32LE(fields.compressed, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}
