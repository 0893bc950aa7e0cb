import type { Block } from '../../../shared/documentModel';

export interface ParsedText {
  title: string;
  /** NFC, LF line ends, blocks separated by one blank line; the title is the first block. */
  text: string;
  /** Offsets in UTF-16 code units of `text`. */
  blocks: Block[];
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Turns plain text into a version text: the first non-empty line is the title,
 * blank lines separate paragraphs. A line or paragraph repeated right after
 * itself is kept once (web copies often double image captions).
 */
export function parsePlainText(raw: string): ParsedText {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd());

  const [firstParagraph, ...paragraphs] = splitParagraphs(lines);
  if (!firstParagraph) return { title: '', text: '', blocks: [] };

  // The title is a block of its own even when the next line follows without a blank line.
  const [titleLine = '', ...restOfFirst] = firstParagraph;
  const title = titleLine.trim();
  const bodies = restOfFirst.length > 0 ? [restOfFirst, ...paragraphs] : paragraphs;
  const contents = withoutRepeats([[title], ...bodies]).map((block) => block.join('\n'));

  const blocks: Block[] = [];
  let offset = 0;
  for (const [index, content] of contents.entries()) {
    blocks.push({
      kind: index === 0 ? 'title' : 'paragraph',
      start: offset,
      end: offset + content.length,
    });
    offset += content.length + BLOCK_SEPARATOR.length;
  }
  return { title, text: contents.join(BLOCK_SEPARATOR), blocks };
}

/** Groups lines into paragraphs at blank (or whitespace-only) lines. */
function splitParagraphs(lines: readonly string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else if (line !== current.at(-1)) {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Drops a paragraph identical to the one right before it. */
function withoutRepeats(paragraphs: readonly string[][]): string[][] {
  return paragraphs.filter(
    (paragraph, index) => index === 0 || paragraph.join('\n') !== paragraphs[index - 1]!.join('\n'),
  );
}
