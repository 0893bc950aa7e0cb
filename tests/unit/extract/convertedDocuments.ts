import type { Block } from '../../../src/shared/documentModel';
import type { ExtractedDocument } from '../../../src/core/extract/extractedDocument';

/** A block as a test reads it: no offsets, its text, its marks as the text they cover. */
export type DescribedBlock = { kind: Block['kind']; text: string } & Record<string, unknown>;

export function describeBlocks(document: ExtractedDocument): DescribedBlock[] {
  const slice = (start: number, end: number) => document.text.slice(start, end);
  return document.blocks.map(({ start, end, ...block }) => {
    const marks =
      'marks' in block && block.marks
        ? {
            marks: block.marks.map(({ start: from, end: to, ...mark }) => ({
              ...mark,
              text: slice(from, to),
            })),
          }
        : {};
    return { ...block, ...marks, text: slice(start, end) };
  });
}
