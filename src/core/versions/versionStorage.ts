/**
 * How a version's text and blocks are kept on disk (migration 008): compressed,
 * never as the strings themselves. Decoding gives back exactly what was stored;
 * `content_sha256` (of the text) lets `dossier check` prove it.
 *
 * A text whose original file is small is compressed with that file as the
 * preset dictionary: a plain-text, Markdown or small HTML file holds most of its
 * text already, so the text then costs a few bytes beside its evidence instead
 * of a second compressed copy. A text that is exactly the start of its original
 * (a UTF-8 file whose text drops only its last line break, the common case) is
 * stored as no bytes at all and read from the original. The dependency runs
 * from the derived text to the evidence, never the other way: an original
 * always decodes on its own.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Block } from '../../shared/documentModel';

/**
 * How `text_data` decodes: raw deflate, alone or with the version's original as
 * dictionary; with the original, no data at all means the text is the
 * original's first `text_length` characters.
 */
export type TextEncoding = 'deflate' | 'deflate-original';

export interface PackedText {
  data: Buffer;
  encoding: TextEncoding;
}

/**
 * Deflate looks back 32 KiB, so only an original that fits in its window can
 * stand for the text; a larger one would cost inflating it on every read for
 * nothing.
 */
export const MAX_DICTIONARY_BYTES = 32 * 1024;

export function packText(text: string, original: Uint8Array | null): PackedText {
  const bytes = Buffer.from(text, 'utf8');
  if (original && startsWith(original, bytes)) {
    return { data: Buffer.alloc(0), encoding: 'deflate-original' };
  }
  if (original && original.length > 0 && original.length <= MAX_DICTIONARY_BYTES) {
    return { data: deflateRawSync(bytes, { dictionary: original }), encoding: 'deflate-original' };
  }
  return { data: deflateRawSync(bytes), encoding: 'deflate' };
}

function startsWith(bytes: Uint8Array, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && prefix.equals(bytes.subarray(0, prefix.length));
}

/**
 * The text of `packed`, `textLength` characters (code points) long; `original`
 * gives the version's original bytes and is only called for a text stored
 * against them.
 */
export function unpackText(
  packed: PackedText,
  textLength: number,
  original: () => Uint8Array,
): string {
  if (packed.encoding === 'deflate') return inflateRawSync(packed.data).toString('utf8');
  const originalBytes = original();
  if (packed.data.length === 0) {
    const bytes = Buffer.from(
      originalBytes.buffer,
      originalBytes.byteOffset,
      originalBytes.byteLength,
    );
    return firstCodePoints(bytes.toString('utf8'), textLength);
  }
  return inflateRawSync(packed.data, { dictionary: originalBytes }).toString('utf8');
}

/** The first `count` code points of `text`. */
function firstCodePoints(text: string, count: number): string {
  const units = text.slice(0, count);
  if (!/[\ud800-\udfff]/.test(units)) return units;
  let end = 0;
  for (let seen = 0; seen < count && end < text.length; seen++) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}

/**
 * A plain text's blocks: its title, then a paragraph for each stretch between
 * blank lines. A version whose blocks are exactly these (pasted text, .txt
 * files) stores none: they are read from its text.
 */
function impliedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const content of text.split('\n\n')) {
    const end = start + content.length;
    blocks.push({ kind: blocks.length === 0 ? 'title' : 'paragraph', start, end });
    start = end + 2;
  }
  return blocks;
}

function areImplied(blocks: readonly Block[], text: string): boolean {
  const implied = impliedBlocks(text);
  return (
    blocks.length === implied.length &&
    blocks.every((block, index) => {
      const expected = implied[index]!;
      return (
        Object.keys(block).length === 3 &&
        block.kind === expected.kind &&
        block.start === expected.start &&
        block.end === expected.end
      );
    })
  );
}

/**
 * Blocks are written with offsets relative to what precedes them (a block's
 * start from the previous block's end, its end from its start, a mark's from its
 * block's start): the same small numbers recur, and deflate makes almost nothing
 * of them, where absolute offsets grow with the text and never repeat. Blocks
 * the text implies are written as nothing at all.
 */
export function packBlocks(blocks: readonly Block[], text: string): Buffer {
  if (areImplied(blocks, text)) return Buffer.alloc(0);
  let previousEnd = 0;
  const relative = blocks.map((block) => {
    const packed = { ...block, start: block.start - previousEnd, end: block.end - block.start };
    previousEnd = block.end;
    if ('marks' in block && block.marks) {
      return {
        ...packed,
        marks: block.marks.map((mark) => ({
          ...mark,
          start: mark.start - block.start,
          end: mark.end - mark.start,
        })),
      };
    }
    return packed;
  });
  return deflateRawSync(Buffer.from(JSON.stringify(relative), 'utf8'));
}

/** The blocks of `data`, the version with `text`. */
export function unpackBlocks(data: Buffer, text: string): Block[] {
  if (data.length === 0) return impliedBlocks(text);
  const relative = JSON.parse(inflateRawSync(data).toString('utf8')) as Block[];
  let previousEnd = 0;
  return relative.map((packed) => {
    const start = previousEnd + packed.start;
    const end = start + packed.end;
    previousEnd = end;
    if ('marks' in packed && packed.marks) {
      return {
        ...packed,
        start,
        end,
        marks: packed.marks.map((mark) => {
          const markStart = start + mark.start;
          return { ...mark, start: markStart, end: markStart + mark.end };
        }),
      };
    }
    return { ...packed, start, end };
  });
}
