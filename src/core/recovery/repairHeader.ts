/**
 * A notebook whose 100-byte header was zeroed or overwritten can still be read
 * once a plausible header is written back: the pages behind it are intact.
 * Only ever done on recover's own copy. https://www.sqlite.org/fileformat.html
 */
import fs from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** b-tree page types (index/table, interior/leaf); 0 where a page is free or overflow. */
const PAGE_TYPES = new Set([0, 0x02, 0x05, 0x0a, 0x0d]);
const PAGE_SIZES = [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512];

export function repairCopiedHeader(copy: string): void {
  const fd = fs.openSync(copy, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (header.subarray(0, MAGIC.length).equals(MAGIC)) {
      padToWholePages(fd, size, header.readUInt16BE(16));
      return;
    }
    const pageSize = guessPageSize(fd, size);
    const hasWal = fs.existsSync(`${copy}-wal`);
    const rebuilt = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(rebuilt, 0);
    rebuilt.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
    rebuilt[18] = rebuilt[19] = hasWal ? 2 : 1; // WAL or rollback journal
    rebuilt[21] = 64; // payload fractions, fixed by the format
    rebuilt[22] = 32;
    rebuilt[23] = 32;
    rebuilt.writeUInt32BE(1, 24); // change counter ≠ version-valid-for: the page count comes from the file size
    rebuilt.writeUInt32BE(1, 40); // schema cookie
    rebuilt.writeUInt32BE(4, 44); // schema format
    rebuilt.writeUInt32BE(1, 56); // UTF-8
    fs.writeSync(fd, rebuilt, 0, HEADER_BYTES, 0);
    padToWholePages(fd, size, pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** The page size at which the second page starts like a b-tree page (Dossier's is 4096). */
function guessPageSize(fd: number, size: number): number {
  const type = Buffer.alloc(1);
  for (const pageSize of PAGE_SIZES) {
    if (size < 2 * pageSize) continue;
    fs.readSync(fd, type, 0, 1, pageSize);
    if (PAGE_TYPES.has(type[0]!)) return pageSize;
  }
  return 4096;
}

/** A file cut short mid-page reads as if the rest of that page were zeros. */
function padToWholePages(fd: number, size: number, rawPageSize: number): void {
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || size % pageSize === 0) return;
  fs.ftruncateSync(fd, size + pageSize - (size % pageSize));
}
