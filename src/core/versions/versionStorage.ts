/**
 * How a version's text and blocks are kept on disk (migration 008): compressed,
 * never as the strings themselves. Decoding gives back exactly what was stored;
 * `content_sha256` (of the text) lets `dossier check` prove it.
 *
 * A text whose original file is small is compressed with that file as the
 * preset dictionary: a plain-text, Markdown or small HTML file holds most of its
 * text already, so the text then costs a few bytes beside its evidence instead
 * of a second compressed copy. The dependency runs from the derived text to the
 * evidence, never the other way: an original always decodes on its own.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Block } from '../../shared/documentModel';

/** How `text_data` decodes: raw deflate, alone or with the version's original as dictionary. */
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
  if (original && original.length > 0 && original.length <= MAX_DICTIONARY_BYTES) {
    return { data: deflateRawSync(bytes, { dictionary: original }), encoding: 'deflate-original' };
  }
  return { data: deflateRawSync(bytes), encoding: 'deflate' };
}

/**
 * The text of `packed`; `original` gives the version's original bytes and is
 * only called for a text compressed against them.
 */
export function unpackText(packed: PackedText, original: () => Uint8Array): string {
  const bytes =
    packed.encoding === 'deflate-original'
      ? inflateRawSync(packed.data, { dictionary: original() })
      : inflateRawSync(packed.data);
  return bytes.toString('utf8');
}

/**
 * Blocks are written with offsets relative to what precedes them (a block's
 * start from the previous block's end, its end from its start, a mark's from its
 * block's start): the same small numbers recur, and deflate makes almost nothing
 * of them, where absolute offsets grow with the text and never repeat.
 */
export function packBlocks(blocks: readonly Block[]): Buffer {
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

export function unpackBlocks(data: Buffer): Block[] {
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
