import { Inflate } from 'fflate';
import { DossierError } from '../../../shared/errors';

/**
 * What an archive may hold before Dossier refuses it. A zip's directory can
 * lie about sizes, so these are checked twice: against what the directory
 * declares when the archive is opened, and against what inflating actually
 * produces, which is stopped as soon as it outgrows the declared size.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Unpacked bytes of one file inside. */
  maxEntryBytes: number;
  /** Unpacked bytes of all files inside together. */
  maxTotalBytes: number;
  /** Unpacked size ÷ packed size of one file inside… */
  maxRatio: number;
  /** …once it unpacks to more than this (small files may compress extremely well). */
  ratioFreeBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  // Prose and its markup pack 3–30 to 1; deflate cannot pass about 1,030 to 1.
  maxRatio: 500,
  ratioFreeBytes: 5 * 1024 * 1024,
};

/** An archive opened for reading single files; nothing is inflated until asked for. */
export interface ZipArchive {
  /** The files inside (not folders), in the directory's order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The unpacked bytes of a file inside, or null when there is none by that name. */
  read(name: string): Uint8Array | null;
  /** A file inside as UTF-8 text (a BOM dropped), or null when there is none by that name. */
  readText(name: string): string | null;
  /**
   * Inflates every file inside without keeping it, proving the whole archive
   * unpacks within the limits before it is handed to a reader that would
   * trust it.
   */
  verifyAll(): void;
}

interface Entry {
  name: string;
  method: number;
  packedSize: number;
  size: number;
  headerOffset: number;
  dataStart: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_END = 0x06064b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
/** Fed to the inflater this many packed bytes at a time, so one step unpacks at most ~1,000 times as much. */
const INFLATE_STEP = 4096;

/**
 * Opens a zip (an EPUB or a Word file) held in memory and checks its
 * directory against `limits`: too many files, a file or a total too large, a
 * compression ratio no document reaches, or files sharing their bytes are
 * refused as a zip bomb before anything is inflated.
 */
export function openZip(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = ZIP_LIMITS,
): ZipArchive {
  const entries = readDirectory(bytes, fileName, limits);
  checkNoOverlap(entries, bytes.length, fileName);
  checkDeclaredSizes(entries, fileName, limits);

  const byName = new Map<string, Entry>();
  for (const entry of entries) {
    if (!entry.name.endsWith('/') && !byName.has(entry.name)) byName.set(entry.name, entry);
  }
  let inflatedTotal = 0;
  const inflate = (entry: Entry, keep: boolean): Uint8Array => {
    const data = inflateEntry(bytes, entry, fileName, keep);
    inflatedTotal += entry.size;
    // The directory's total was checked; this guards rereading the same files.
    if (inflatedTotal > limits.maxTotalBytes) {
      throw zipBomb(
        fileName,
        `reading it would unpack more than ${formatBytes(limits.maxTotalBytes)}`,
      );
    }
    return data;
  };

  const read = (name: string): Uint8Array | null => {
    const entry = byName.get(name);
    return entry ? inflate(entry, true) : null;
  };

  return {
    names: [...byName.keys()],
    has: (name) => byName.has(name),
    read,
    readText(name) {
      const data = read(name);
      return data ? new TextDecoder('utf-8').decode(data) : null;
    },
    verifyAll() {
      for (const entry of entries) inflateEntry(bytes, entry, fileName, false);
    },
  };
}

export function zipBomb(fileName: string, why: string): DossierError {
  return new DossierError(
    'unsupported',
    `${fileName} looks like a zip bomb (${why}); it was not imported.`,
  );
}

function notAZip(fileName: string, why: string): DossierError {
  return new DossierError(
    'unsupported',
    `${fileName} is not a readable zip archive (${why}); EPUB and Word files are zip archives, so it may be damaged.`,
  );
}

function readDirectory(bytes: Uint8Array, fileName: string, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw notAZip(fileName, 'no end of central directory');
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    throw new DossierError(
      'unsupported',
      `${fileName} is a multi-part zip archive; join it first.`,
    );
  }
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    ({ count, directoryOffset } = readZip64End(view, end, fileName));
  }
  if (count > limits.maxEntries) {
    throw zipBomb(
      fileName,
      `${count.toLocaleString('en')} files inside; the limit is ${limits.maxEntries.toLocaleString('en')}`,
    );
  }

  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== SIG_CENTRAL) {
      throw notAZip(fileName, 'its central directory is cut short');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let packedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let headerOffset = view.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > view.byteLength) {
      throw notAZip(fileName, 'its central directory is cut short');
    }
    const name = new TextDecoder('utf-8').decode(bytes.subarray(nameStart, extraStart));
    if (size === 0xffffffff || packedSize === 0xffffffff || headerOffset === 0xffffffff) {
      const wide = readZip64Extra(view, extraStart, extraLength, {
        size: size === 0xffffffff,
        packedSize: packedSize === 0xffffffff,
        headerOffset: headerOffset === 0xffffffff,
      });
      if (!wide) throw notAZip(fileName, `${name} lacks its ZIP64 sizes`);
      size = wide.size ?? size;
      packedSize = wide.packedSize ?? packedSize;
      headerOffset = wide.headerOffset ?? headerOffset;
    }
    if (flags & 1) {
      throw new DossierError(
        'unsupported',
        `${fileName} is encrypted (${name}); save it without a password and import it again.`,
      );
    }
    if (method !== STORED && method !== DEFLATED) {
      throw new DossierError(
        'unsupported',
        `${fileName} packs ${name} with a compression method Dossier cannot read (${method}); save it again with ordinary zip compression.`,
      );
    }
    entries.push({ name, method, packedSize, size, headerOffset, dataStart: 0 });
    at = extraStart + extraLength + commentLength;
  }
  for (const entry of entries) entry.dataStart = localDataStart(view, entry, fileName);
  return entries;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === SIG_END) return at;
  }
  return -1;
}

function readZip64End(view: DataView, end: number, fileName: string) {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) {
    throw notAZip(fileName, 'its ZIP64 directory is missing');
  }
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== SIG_ZIP64_END) {
    throw notAZip(fileName, 'its ZIP64 directory is missing');
  }
  return {
    count: safeNumber(view.getBigUint64(record + 32, true)),
    directoryOffset: safeNumber(view.getBigUint64(record + 48, true)),
  };
}

/** The 64-bit values of the ZIP64 extra field, present in this order for each 32-bit field set to all ones. */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  wanted: { size: boolean; packedSize: boolean; headerOffset: boolean },
): Partial<Pick<Entry, 'size' | 'packedSize' | 'headerOffset'>> | null {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const fieldLength = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: Partial<Pick<Entry, 'size' | 'packedSize' | 'headerOffset'>> = {};
      let field = at + 4;
      for (const key of ['size', 'packedSize', 'headerOffset'] as const) {
        if (!wanted[key]) continue;
        if (field + 8 > at + 4 + fieldLength) return null;
        values[key] = safeNumber(view.getBigUint64(field, true));
        field += 8;
      }
      return values;
    }
    at += 4 + fieldLength;
  }
  return null;
}

function safeNumber(value: bigint): number {
  // Far beyond any limit: the checks that follow refuse it.
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function localDataStart(view: DataView, entry: Entry, fileName: string): number {
  const at = entry.headerOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== SIG_LOCAL) {
    throw notAZip(fileName, `${entry.name} is not where the directory says`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedSize > view.byteLength) {
    throw notAZip(fileName, `${entry.name} is cut short`);
  }
  return start;
}

function checkDeclaredSizes(entries: readonly Entry[], fileName: string, limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.maxEntryBytes) {
      throw zipBomb(
        fileName,
        `${entry.name} would unpack to ${formatBytes(entry.size)}; the limit is ${formatBytes(limits.maxEntryBytes)}`,
      );
    }
    if (entry.size > limits.ratioFreeBytes && entry.size > entry.packedSize * limits.maxRatio) {
      const ratio = Math.round(entry.size / Math.max(entry.packedSize, 1));
      throw zipBomb(
        fileName,
        `${entry.name} is compressed ${ratio.toLocaleString('en')} to 1; documents stay under ${limits.maxRatio} to 1`,
      );
    }
    total += entry.size;
  }
  if (total > limits.maxTotalBytes) {
    throw zipBomb(
      fileName,
      `its files would unpack to ${formatBytes(total)}; the limit is ${formatBytes(limits.maxTotalBytes)}`,
    );
  }
}

/** Files whose bytes overlap unpack the same data many times over (an overlapping zip bomb). */
function checkNoOverlap(entries: readonly Entry[], length: number, fileName: string): void {
  const sorted = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (const [index, entry] of sorted.entries()) {
    const next = sorted[index + 1];
    const end = entry.dataStart + entry.packedSize;
    if (end > (next ? next.headerOffset : length)) {
      throw zipBomb(fileName, `${entry.name} shares its bytes with another file inside`);
    }
  }
}

/**
 * Unpacks one file, stopping as soon as it grows past the size the directory
 * declared (which the limits were checked against), so a directory that lies
 * costs at most one step's output.
 */
function inflateEntry(
  bytes: Uint8Array,
  entry: Entry,
  fileName: string,
  keep: boolean,
): Uint8Array {
  const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.packedSize);
  if (entry.method === STORED) {
    if (entry.packedSize !== entry.size) throw damaged(fileName, entry.name);
    return packed;
  }
  const out = keep ? new Uint8Array(entry.size) : null;
  let produced = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (produced + chunk.length > entry.size) {
      throw zipBomb(
        fileName,
        `${entry.name} unpacks to more than the ${formatBytes(entry.size)} its directory declares`,
      );
    }
    out?.set(chunk, produced);
    produced += chunk.length;
    finished ||= final;
  });
  try {
    for (let at = 0; at < packed.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, packed.length);
      inflater.push(packed.subarray(at, end), end === packed.length);
    }
    if (packed.length === 0) inflater.push(packed, true);
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw damaged(fileName, entry.name);
  }
  if (!finished || produced !== entry.size) throw damaged(fileName, entry.name);
  return out ?? packed;
}

function damaged(fileName: string, name: string): DossierError {
  return new DossierError(
    'unsupported',
    `${fileName} is damaged: ${name} inside it cannot be unpacked.`,
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Number((bytes / 1024 ** 3).toFixed(1))} GiB`;
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 ** 2).toFixed(1))} MiB`;
  return `${bytes.toLocaleString('en')} bytes`;
}
