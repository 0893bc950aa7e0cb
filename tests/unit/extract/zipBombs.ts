import { Deflate } from 'fflate';

/** One file of a hand-made zip: its packed bytes and what the directory says about them. */
export interface RawEntry {
  name: string;
  packed: Uint8Array;
  method: 0 | 8;
  /** The unpacked size the directory declares (a bomb may lie). */
  declaredSize: number;
  flags?: number;
}

/**
 * Writes a zip byte by byte, so tests can make archives no honest writer
 * makes: sizes that lie, files that share their bytes (each of `aliases` is
 * one more directory record pointing at the first file's bytes).
 */
export function writeRawZip(
  entries: readonly RawEntry[],
  aliases: readonly string[] = [],
): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const central = (entry: RawEntry, name: Uint8Array, headerOffset: number) => {
    const record = new Uint8Array(46 + name.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, 20, true);
    view.setUint16(8, (entry.flags ?? 0) | 0x800, true);
    view.setUint16(10, entry.method, true);
    view.setUint32(20, entry.packed.length, true);
    view.setUint32(24, entry.declaredSize, true);
    view.setUint16(28, name.length, true);
    view.setUint32(42, headerOffset, true);
    record.set(name, 46);
    return record;
  };
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const header = new Uint8Array(30 + name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, (entry.flags ?? 0) | 0x800, true);
    view.setUint16(8, entry.method, true);
    view.setUint32(18, entry.packed.length, true);
    view.setUint32(22, entry.declaredSize, true);
    view.setUint16(26, name.length, true);
    header.set(name, 30);
    centrals.push(central(entry, name, offset));
    locals.push(header, entry.packed);
    offset += header.length + entry.packed.length;
  }
  // Every alias points at the first file's bytes.
  for (const alias of aliases) centrals.push(central(entries[0]!, encoder.encode(alias), 0));

  const directorySize = centrals.reduce((sum, record) => sum + record.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, centrals.length, true);
  view.setUint16(10, centrals.length, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/**
 * A real DEFLATE stream of `mebibytes` MiB of zeros (1 GiB packs into about
 * 1 MB): one MiB deflated at level 9 and flushed to a byte boundary, repeated,
 * then an empty final block. Built in milliseconds where deflating 1 GiB
 * would take seconds.
 */
export function deflatedZeros(mebibytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(new Uint8Array(1024 * 1024));
  deflate.flush(true);
  const segment = concat(parts);
  return concat([...Array<Uint8Array>(mebibytes).fill(segment), new Uint8Array([0x03, 0x00])]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
