import type { Block } from './documentModel';

/** The PDF page an offset of the text is on (for citing a passage), or null when the source has no pages. */
export function pageAt(blocks: readonly Block[], offset: number): number | null {
  let page: number | null = null;
  for (const block of blocks) {
    if (block.start > offset) break;
    if (block.page !== undefined) page = block.page;
  }
  return page;
}
