/**
 * A note body (a serialised Lexical 0.52 editor state) read into the few kinds
 * of blocks and inline runs an export writes. The Markdown and HTML writers
 * both start from this, so they agree on what a note holds. A node of a type
 * this does not know keeps its text (as a paragraph, or inline), never lost.
 */
import { isId } from '../../shared/ids';
import { NOTE_LINK_TYPE } from '../../shared/noteLink';
import { PASSAGE_LINK_TYPE } from '../../shared/passageLink';
import { linkTarget } from '../extract/html/safeUrls';

/** A node of a serialised editor state, as far as an export reads it. */
interface SerializedNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  children?: unknown;
  /** heading */
  tag?: unknown;
  /** list and listitem */
  listType?: unknown;
  start?: unknown;
  checked?: unknown;
  /** link */
  url?: unknown;
  /** code */
  language?: unknown;
  /** passage link */
  passageId?: unknown;
}

/** Lexical's text format bits (lexical/src/LexicalConstants.ts). */
export const TextFormat = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;
export type TextFormatName = keyof typeof TextFormat;

export type Inline =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'linebreak' }
  /** `href` is null for a target that is not http, https or mailto: its text stays, unlinked. */
  | { kind: 'link'; href: string | null; children: Inline[] }
  | { kind: 'passageLink'; passageId: string; children: Inline[] };

export type ListType = 'bullet' | 'number' | 'check';

export interface ListItem {
  inlines: Inline[];
  /** Check lists only. */
  checked: boolean;
  /** Lists nested under this item. */
  sublists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  listType: ListType;
  start: number;
  items: ListItem[];
}

export type NoteBlock =
  | { kind: 'paragraph' | 'quote'; inlines: Inline[] }
  | { kind: 'heading'; level: HeadingLevel; inlines: Inline[] }
  | ListBlock
  | { kind: 'code'; language: string | null; text: string }
  | { kind: 'rule' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Element nodes that sit inside a line of text. */
// A link to another note exports as its words: the other note may not be exported with it.
const INLINE_CONTAINERS = new Set(['mark', 'hashtag', NOTE_LINK_TYPE]);

/** Reads a stored body: one that saving checked is a Lexical editor state. */
export function readNoteDocument(bodyJson: string): NoteBlock[] {
  const root = (JSON.parse(bodyJson) as { root?: unknown } | null)?.root;
  return isNode(root) ? childrenOf(root).flatMap(readBlock) : [];
}

/** The passages a document links to, in the order of their first link. */
export function linkedPassageIds(blocks: readonly NoteBlock[]): string[] {
  const ids = new Set<string>();
  const visitInlines = (inlines: readonly Inline[]): void => {
    for (const inline of inlines) {
      if (inline.kind === 'passageLink') ids.add(inline.passageId);
      if ('children' in inline) visitInlines(inline.children);
    }
  };
  const visitBlock = (block: NoteBlock): void => {
    if ('inlines' in block) visitInlines(block.inlines);
    if (block.kind === 'list') {
      for (const item of block.items) {
        visitInlines(item.inlines);
        item.sublists.forEach(visitBlock);
      }
    }
  };
  blocks.forEach(visitBlock);
  return [...ids];
}

function readBlock(node: SerializedNode): NoteBlock[] {
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', level: headingLevel(node.tag), inlines: readInlines(node) }];
    case 'quote':
      return [{ kind: 'quote', inlines: readInlines(node) }];
    case 'list':
      return [readList(node)];
    case 'code':
      return [{ kind: 'code', language: stringOrNull(node.language), text: plainTextOf(node) }];
    case 'horizontalrule':
      return [{ kind: 'rule' }];
    default: {
      // A paragraph, or a block this export does not know: its text as a paragraph.
      if (isInlineNode(node)) return [{ kind: 'paragraph', inlines: readInline(node) }];
      const nested = childrenOf(node);
      if (node.type !== 'paragraph' && nested.some((child) => !isInlineNode(child))) {
        return nested.flatMap(readBlock);
      }
      return [{ kind: 'paragraph', inlines: readInlines(node) }];
    }
  }
}

function readList(node: SerializedNode): ListBlock {
  const listType: ListType =
    node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
  const start = typeof node.start === 'number' && Number.isSafeInteger(node.start) ? node.start : 1;
  const items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    const content = childrenOf(child);
    const sublists = content.filter((grandchild) => grandchild.type === 'list').map(readList);
    const inlines = content.filter((grandchild) => grandchild.type !== 'list').flatMap(readInline);
    const previous = items[items.length - 1];
    // Lexical nests a list in an item of its own that holds nothing else.
    if (inlines.length === 0 && sublists.length > 0 && previous) {
      previous.sublists.push(...sublists);
    } else {
      items.push({ inlines, checked: child.checked === true, sublists });
    }
  }
  return { kind: 'list', listType, start, items };
}

function readInlines(node: SerializedNode): Inline[] {
  return childrenOf(node).flatMap(readInline);
}

/** Text in one format as runs, each line break a break inline of its own. */
export function textRuns(text: string, format: number): Inline[] {
  return text
    .split('\n')
    .flatMap((piece, index): Inline[] => [
      ...(index > 0 ? [{ kind: 'linebreak' as const }] : []),
      ...(piece === '' ? [] : [{ kind: 'text' as const, text: piece, format }]),
    ]);
}

function readInline(node: SerializedNode): Inline[] {
  if (typeof node.text === 'string') {
    const format = typeof node.format === 'number' ? node.format : 0;
    // Lexical keeps line breaks as nodes of their own; a stray one in a text becomes one.
    return textRuns(node.text, format);
  }
  switch (node.type) {
    case 'linebreak':
      return [{ kind: 'linebreak' }];
    case 'tab':
      return [{ kind: 'text', text: '\t', format: 0 }];
    case 'link':
    case 'autolink': {
      const href = typeof node.url === 'string' ? linkTarget(node.url, null) : null;
      return [{ kind: 'link', href, children: readInlines(node) }];
    }
    case PASSAGE_LINK_TYPE:
      return isId(node.passageId)
        ? [{ kind: 'passageLink', passageId: node.passageId, children: readInlines(node) }]
        : readInlines(node);
    default:
      // A block inside a line (which Lexical does not make), or an inline element
      // this export does not know: its text, on a line of its own when it is a block.
      return isInlineNode(node) ? readInlines(node) : [...readInlines(node), { kind: 'linebreak' }];
  }
}

function isInlineNode(node: SerializedNode): boolean {
  return (
    typeof node.text === 'string' ||
    node.type === 'linebreak' ||
    node.type === 'tab' ||
    node.type === 'link' ||
    node.type === 'autolink' ||
    node.type === PASSAGE_LINK_TYPE ||
    (typeof node.type === 'string' && INLINE_CONTAINERS.has(node.type))
  );
}

/** A code block's text: its text and highlight runs, line breaks and tabs, as written. */
function plainTextOf(node: SerializedNode): string {
  return childrenOf(node)
    .map((child) => {
      if (typeof child.text === 'string') return child.text;
      if (child.type === 'linebreak') return '\n';
      if (child.type === 'tab') return '\t';
      return plainTextOf(child);
    })
    .join('');
}

function headingLevel(tag: unknown): HeadingLevel {
  const level = typeof tag === 'string' ? Number(/^h([1-6])$/.exec(tag)?.[1]) : NaN;
  return (Number.isNaN(level) ? 1 : level) as HeadingLevel;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function childrenOf(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function isNode(value: unknown): value is SerializedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
