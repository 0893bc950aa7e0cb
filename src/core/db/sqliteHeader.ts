import fs from 'node:fs';

/** https://www.sqlite.org/fileformat.html#the_database_header */
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

/**
 * The `PRAGMA user_version` stored in a database file's header, read without
 * SQLite so nothing next to the file is created. 'absent' means there is no
 * database yet (no file, or an empty one, which SQLite treats as new).
 *
 * The header can lag behind a -wal file left by a crash; openDatabase checks
 * the version again through SQLite before migrating.
 */
export function readSchemaVersionFromHeader(file: string): number | 'absent' | 'not-sqlite' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const length = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (length === 0) return 'absent';
    if (length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
      return 'not-sqlite';
    }
    return header.readInt32BE(USER_VERSION_OFFSET);
  } finally {
    fs.closeSync(fd);
  }
}
