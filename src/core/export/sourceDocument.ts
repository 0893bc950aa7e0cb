/**
 * A source's text and blocks read into the blocks an export writes (the same
 * model as a note's, noteDocument.ts), so a source becomes Markdown through the
 * note writer: headings, paragraphs, lists, quotes, preformatted text, its
 * inline marks and links, and its passages highlighted where they stand.
 */
import type { Block, TextBlock } from '../../shared/documentModel';
import { linkTarget } from '../extract/html/safeUrls';
import {
  textRuns,
  TextFormat,
  type Inline,
  type ListBlock,
  type ListItem,
  type NoteBlock,
} from './noteDocument';

/** Where a passage stands in the text (UTF-16 offsets). */
export interface TextSpan {
  start: number;
  end: number;
}

const MARK_FORMATS = {
  strong: TextFormat.bold,
  emphasis: TextFormat.italic,
  code: TextFormat.code,
};

export function readSourceDocument(
  text: string,
  blocks: readonly Block[],
  highlighted: readonly TextSpan[],
): NoteBlock[] {
  const inlinesOf = (block: TextBlock) => blockInlines(text, block, highlighted);
  const out: NoteBlock[] = [];
  // Open lists by depth (index 0: a top-level list), so nested items find their parent item.
  let lists: ListBlock[] = [];

  for (const block of blocks) {
    if (block.kind !== 'listItem') lists = [];
    if (block.kind === 'title') continue;
    if (block.kind === 'image') {
      // Images stay out of the file (a data URL would bury the text); where one came from is kept.
      const label: Inline = {
        kind: 'text',
        text: `[Image: ${block.alt.trim() || 'image'}]`,
        format: 0,
      };
      const href = block.remoteUrl ? linkTarget(block.remoteUrl, null) : null;
      out.push({
        kind: 'paragraph',
        inlines: [href ? { kind: 'link', href, children: [label] } : label],
      });
      continue;
    }
    if (block.kind === 'listItem') {
      const item: ListItem = { inlines: inlinesOf(block), checked: false, sublists: [] };
      lists = lists.slice(0, block.depth);
      const open = lists[block.depth - 1];
      if (open && open.listType === (block.ordered ? 'number' : 'bullet')) {
        open.items.push(item);
        continue;
      }
      const list: ListBlock = {
        kind: 'list',
        listType: block.ordered ? 'number' : 'bullet',
        start: block.ordinal ?? 1,
        items: [item],
      };
      const parentItem = lists[block.depth - 2]?.items.at(-1);
      if (parentItem) parentItem.sublists.push(list);
      else out.push(list);
      lists[block.depth - 1] = list;
      continue;
    }
    if (block.kind === 'preformatted') {
      out.push({ kind: 'code', language: null, text: text.slice(block.start, block.end) });
    } else if (block.kind === 'heading') {
      out.push({ kind: 'heading', level: block.level, inlines: inlinesOf(block) });
    } else {
      // Table cells and captions read as paragraphs of their own (Markdown has no captions,
      // and a table row would need every cell on one line).
      const inlines = inlinesOf(block);
      const italic = block.kind === 'caption';
      out.push({
        kind: block.quoteDepth ? 'quote' : 'paragraph',
        inlines: italic ? withFormat(inlines, TextFormat.italic) : inlines,
      });
    }
  }
  return out;
}

/**
 * A block's text as runs: cut wherever an inline mark or a highlighted
 * passage starts or ends, each run with the formats over it; links as links.
 */
function blockInlines(text: string, block: TextBlock, highlighted: readonly TextSpan[]): Inline[] {
  const marks = block.marks ?? [];
  const spans = highlighted.filter((span) => span.start < block.end && span.end > block.start);
  const cuts = new Set([block.start, block.end]);
  for (const edge of [...marks, ...spans]) {
    if (edge.start > block.start && edge.start < block.end) cuts.add(edge.start);
    if (edge.end > block.start && edge.end < block.end) cuts.add(edge.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Inline[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const covering = (span: TextSpan) => span.start <= start && span.end >= end;
    let format = spans.some(covering) ? TextFormat.highlight : 0;
    let href: string | null = null;
    for (const mark of marks.filter(covering)) {
      if (mark.kind === 'link') href = mark.href;
      else format |= MARK_FORMATS[mark.kind];
    }
    out.push(...runs(text.slice(start, end), format, href));
  }
  return out;
}

/** Text with its line breaks as break inlines, inside a link when it has one. */
function runs(text: string, format: number, href: string | null): Inline[] {
  const pieces = textRuns(text, format);
  return href === null ? pieces : [{ kind: 'link', href, children: pieces }];
}

function withFormat(inlines: readonly Inline[], bit: number): Inline[] {
  return inlines.map((inline) =>
    inline.kind === 'text' ? { ...inline, format: inline.format | bit } : inline,
  );
}
