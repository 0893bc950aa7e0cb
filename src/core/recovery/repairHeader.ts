/**
 * A notebook whose 100-byte header was zeroed or overwritten can still be read
 * once a plausible header is written back: the pages behind it are intact.
 * Only ever done on recover's own copy. https://www.sqlite.org/fileformat.html
 */
import fs from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** b-tree page types: index and table, interior and leaf. */
const BTREE_PAGE_TYPES = new Set([0x02, 0x05, 0x0a, 0x0d]);
const PAGE_SIZES = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];

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

/** Page starts sampled per candidate size: enough to tell sizes apart, a few reads each. */
const SAMPLED_PAGES = 32;

/**
 * The page size the file was written with (Dossier's notebooks have 16 KB
 * pages, older ones 4 KB): the smallest size at whose page starts nearly as
 * many b-tree page headers are found as at any size. A size too large lands
 * on real page starts too, but one too small lands mostly inside pages.
 */
function guessPageSize(fd: number, size: number): number {
  const found = PAGE_SIZES.map((pageSize) => ({ pageSize, ratio: btreeRatio(fd, size, pageSize) }));
  const best = Math.max(...found.map((size) => size.ratio));
  if (best === 0) return 4096;
  const plausible = found.filter((size) => size.ratio >= 0.75 * best);
  return Math.min(...plausible.map((size) => size.pageSize));
}

/** The share of the sampled page starts (page 2 onwards) that hold a well-formed b-tree page header. */
function btreeRatio(fd: number, size: number, pageSize: number): number {
  const pages = Math.min(SAMPLED_PAGES, Math.floor(size / pageSize) - 1);
  if (pages < 1) return 0;
  const header = Buffer.alloc(12);
  let found = 0;
  for (let page = 1; page <= pages; page++) {
    fs.readSync(fd, header, 0, header.length, page * pageSize);
    if (isBtreeHeader(header, pageSize)) found++;
  }
  return found / pages;
}

function isBtreeHeader(header: Buffer, pageSize: number): boolean {
  const type = header[0]!;
  if (!BTREE_PAGE_TYPES.has(type)) return false;
  const headerBytes = type === 0x02 || type === 0x05 ? 12 : 8;
  const cells = header.readUInt16BE(3);
  const contentStart = header.readUInt16BE(5) || 65536;
  const firstFreeblock = header.readUInt16BE(1);
  return (
    headerBytes + 2 * cells <= contentStart &&
    contentStart <= pageSize &&
    firstFreeblock < pageSize &&
    header[7]! <= 60
  );
}

/** A file cut short mid-page reads as if the rest of that page were zeros. */
function padToWholePages(fd: number, size: number, rawPageSize: number): void {
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || size % pageSize === 0) return;
  fs.ftruncateSync(fd, size + pageSize - (size % pageSize));
}
