/**
 * Damage that plain file reads can see before SQLite opens a notebook: a
 * header that is zeroed or garbled, a file cut short, a `-wal` whose header
 * is not a write-ahead log's. SQLite would refuse some of these and silently
 * discard others (a WAL with a bad header is thrown away, with the commits in
 * it), so they are judged here, while the files are still exactly as found.
 * https://www.sqlite.org/fileformat.html
 */
import fs from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** Page 1's b-tree follows the header: an interior (5) or leaf (13) table page. */
const SCHEMA_PAGE_TYPES = new Set([0x05, 0x0d]);
const MIN_PAGE_SIZE = 512;
const WAL_HEADER_BYTES = 32;
const WAL_MAGIC = [0x377f0682, 0x377f0683];
const WAL_FORMAT = 3007000;

/** What is wrong with the notebook file or its `-wal`, in words; null when nothing is seen. */
export function findFileDamage(file: string): string | null {
  const bytes = readStart(file, HEADER_BYTES + 1);
  if (bytes === null || bytes.length === 0) return null;
  const size = fs.statSync(file).size;
  const wal = `${file}-wal`;
  const damage = headerDamage(bytes, size, hasContent(wal));
  if (damage !== null) return damage;
  return walDamage(wal, pageSizeOf(bytes));
}

function headerDamage(bytes: Buffer, size: number, walPending: boolean): string | null {
  if (bytes.length < HEADER_BYTES) {
    // Only a file with SQLite's whole signature is a notebook cut short; anything shorter is refused as foreign.
    return bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC)
      ? `the file is cut short (${size} bytes, less than its own header)`
      : null;
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    // Page 1's b-tree still behind the header: a notebook whose header was overwritten,
    // not some other file (which openDatabase refuses and leaves where it is).
    const sqliteShaped =
      size >= 2 * MIN_PAGE_SIZE &&
      size % MIN_PAGE_SIZE === 0 &&
      SCHEMA_PAGE_TYPES.has(bytes[HEADER_BYTES] ?? -1);
    return sqliteShaped
      ? 'its header is zeroed or overwritten (the SQLite signature is gone)'
      : null;
  }
  const pageSize = pageSizeOf(bytes);
  if (pageSize === null) return 'its header is garbled (no valid page size)';
  if (size < pageSize || size % pageSize !== 0) {
    return `the file is cut short (${size} bytes is not a whole number of ${pageSize}-byte pages)`;
  }
  // The header's page count is only valid while it agrees with the change counter, and
  // a checkpoint cut short writes page 1 before the pages that make the file that long
  // (the WAL still holds them): then the probe's reads judge instead.
  const changeCounter = bytes.readUInt32BE(24);
  const pages = bytes.readUInt32BE(28);
  const counted = pages > 0 && bytes.readUInt32BE(92) === changeCounter && !walPending;
  if (counted && size < pages * pageSize) {
    return `the file is cut short (${size} bytes; its header says ${pages * pageSize})`;
  }
  return null;
}

function pageSizeOf(header: Buffer): number | null {
  if (header.length < HEADER_BYTES) return null;
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  const powerOfTwo = (size & (size - 1)) === 0;
  return size >= MIN_PAGE_SIZE && size <= 65536 && powerOfTwo ? size : null;
}

function walDamage(walFile: string, pageSize: number | null): string | null {
  const header = readStart(walFile, WAL_HEADER_BYTES);
  // No WAL, or an empty one (a clean checkpoint leaves it so): nothing to lose.
  if (header === null || header.length === 0) return null;
  const problem = `its write-ahead log ${walFile} is not readable as one`;
  if (header.length < WAL_HEADER_BYTES) return `${problem} (cut short)`;
  const magic = header.readUInt32BE(0);
  if (!WAL_MAGIC.includes(magic)) return `${problem} (no WAL header)`;
  if (header.readUInt32BE(4) !== WAL_FORMAT) return `${problem} (unknown format)`;
  if (pageSize !== null && header.readUInt32BE(8) !== pageSize) {
    return `${problem} (its page size is not the notebook's)`;
  }
  const [s0, s1] = walChecksum(header.subarray(0, 24), (magic & 1) === 1);
  if (s0 !== header.readUInt32BE(24) || s1 !== header.readUInt32BE(28)) {
    return `${problem} (its header checksum does not match)`;
  }
  return null;
}

/** SQLite's WAL checksum over 32-bit words, read big- or little-endian as the magic says. */
function walChecksum(data: Buffer, bigEndian: boolean): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (let offset = 0; offset < data.length; offset += 8) {
    const x0 = bigEndian ? data.readUInt32BE(offset) : data.readUInt32LE(offset);
    const x1 = bigEndian ? data.readUInt32BE(offset + 4) : data.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** The first `length` bytes of a file, or null when there is no such file. */
function readStart(file: string, length: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}
