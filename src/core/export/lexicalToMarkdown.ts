/**
 * A note as Markdown (CommonMark with GitHub's footnotes, strikethrough and
 * task lists): the title as a heading, the body's blocks, and a footnote per
 * linked passage. Text is escaped wherever Markdown would read it as syntax;
 * underline, highlight, sub- and superscript, which Markdown lacks, are
 * written as the inline HTML tags Markdown allows.
 */
import { footnoteContent, type Footnote } from './footnotes';
import {
  TextFormat,
  type Inline,
  type ListBlock,
  type ListItem,
  type NoteBlock,
} from './noteDocument';

/** Delimiters for each format bit, outermost first; code is written apart (a code span). */
const WRAPPERS: ReadonlyArray<readonly [bit: number, open: string, close: string]> = [
  [TextFormat.bold, '**', '**'],
  [TextFormat.italic, '*', '*'],
  [TextFormat.strikethrough, '~~', '~~'],
  [TextFormat.underline, '<u>', '</u>'],
  [TextFormat.highlight, '<mark>', '</mark>'],
  [TextFormat.subscript, '<sub>', '</sub>'],
  [TextFormat.superscript, '<sup>', '</sup>'],
];

/** Characters Markdown may read as syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<>~|]|&(?=#?[a-z0-9]+;)/giu;
/** What makes a line a heading, quote, list item, rule or setext underline when it starts it. */
const LINE_START_MARKER = /^[#+=-]/u;
const LINE_START_NUMBER = /^(\d{1,9})([.)])/u;

const HARD_BREAK = '\\\n';

export function noteToMarkdown(
  title: string,
  blocks: readonly NoteBlock[],
  footnotes: readonly Footnote[],
): string {
  const numbers = new Map(footnotes.map((footnote) => [footnote.passageId, footnote.number]));
  const sections = [`# ${headingText(escapeText(oneLine(title)))}`];
  // Two lists in a row with the same marker would read as one: they take "-" and "*" in turn.
  let previousBullet: Bullet | null = null;
  for (const block of blocks) {
    const bullet: Bullet = previousBullet === '-' ? '*' : '-';
    const text = writeBlock(block, numbers, bullet);
    if (text === '') continue;
    sections.push(text);
    previousBullet = block.kind === 'list' && block.listType !== 'number' ? bullet : null;
  }
  if (footnotes.length > 0) sections.push(footnotes.map(writeFootnote).join('\n'));
  return `${sections.join('\n\n')}\n`;
}

function writeBlock(
  block: NoteBlock,
  numbers: ReadonlyMap<string, number>,
  bullet: Bullet,
): string {
  switch (block.kind) {
    case 'paragraph':
      return writeInlines(block.inlines, numbers);
    case 'heading': {
      const text = writeInlines(block.inlines, numbers).replace(/\\\n/gu, ' ');
      return text === '' ? '' : `${'#'.repeat(block.level)} ${headingText(text)}`;
    }
    case 'quote': {
      const text = writeInlines(block.inlines, numbers);
      return text === '' ? '' : prefixLines(text, '> ', '> ');
    }
    case 'list':
      return writeList(block, numbers, bullet);
    case 'code':
      return writeCodeBlock(block.text, block.language);
    case 'rule':
      return '---';
  }
}

type Bullet = '-' | '*';

function writeList(list: ListBlock, numbers: ReadonlyMap<string, number>, bullet: Bullet): string {
  return list.items
    .map((item, index) => {
      const marker = listMarker(list, item, index, bullet);
      const content = [
        writeInlines(item.inlines, numbers),
        ...item.sublists.map((sublist) => writeList(sublist, numbers, '-')),
      ].filter((text) => text !== '');
      // Continuation lines and nested lists are indented to the item's text.
      return prefixLines(content.join('\n'), marker, ' '.repeat(marker.length)).trimEnd();
    })
    .join('\n');
}

function listMarker(list: ListBlock, item: ListItem, index: number, bullet: Bullet): string {
  if (list.listType === 'number') return `${list.start + index}. `;
  if (list.listType === 'check') return item.checked ? `${bullet} [x] ` : `${bullet} [ ] `;
  return `${bullet} `;
}

function writeCodeBlock(text: string, language: string | null): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  const info = language?.replace(/[^\w+#.-]/gu, '') ?? '';
  return `${fence}${info}\n${text}\n${fence}`;
}

/**
 * Inline content: runs of text with their formats (delimiters opened and closed
 * only where the formats change, outside the run's white space, where Markdown
 * sees them), links, passage links with their footnote reference, line breaks.
 */
function writeInlines(inlines: readonly Inline[], numbers: ReadonlyMap<string, number>): string {
  let out = '';
  let open: number[] = [];
  let pendingSpace = '';

  const closeTo = (keep: number): void => {
    while (open.length > keep) out += WRAPPERS[open.pop()!]![2];
  };
  const closeAll = (): void => {
    closeTo(0);
    out += pendingSpace;
    pendingSpace = '';
  };
  const writeText = (text: string, format: number): void => {
    const code = (format & TextFormat.code) !== 0;
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text) ?? [];
    if (core === '' && !code) {
      pendingSpace += text;
      return;
    }
    const wanted = WRAPPERS.flatMap(([bit], index) => ((format & bit) !== 0 ? [index] : []));
    const kept = open.findIndex((index) => !wanted.includes(index));
    closeTo(kept === -1 ? open.length : kept);
    out += pendingSpace + (code ? '' : lead);
    for (const index of wanted) {
      if (!open.includes(index)) {
        out += WRAPPERS[index]![1];
        open = [...open, index];
      }
    }
    out += code ? codeSpan(text) : escapeText(core);
    pendingSpace = code ? '' : trail;
  };

  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        writeText(inline.text, inline.format);
        break;
      case 'linebreak':
        closeAll();
        out += HARD_BREAK;
        break;
      case 'link': {
        closeAll();
        const text = writeInlines(inline.children, numbers);
        out += inline.href === null ? text : `[${text}](<${linkDestination(inline.href)}>)`;
        break;
      }
      case 'passageLink': {
        closeAll();
        out += `${writeInlines(inline.children, numbers)}[^${numbers.get(inline.passageId)}]`;
        break;
      }
    }
  }
  closeAll();
  return escapeLineStarts(out.replace(/(\\\n)+$/u, '').trim());
}

function writeFootnote(footnote: Footnote): string {
  const { pieces, quote, location } = footnoteContent(footnote);
  const source = pieces
    .map(({ text, href }) => (href ? `<${linkDestination(href)}>` : escapeText(oneLine(text))))
    .join(', ');
  const words = quote === null ? '' : `: “${escapeText(quote)}” (${location})`;
  return escapeLineStarts(`[^${footnote.number}]: ${source}${words}`);
}

/** Escapes the characters Markdown reads as syntax inside a line. */
function escapeText(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&');
}

/** Escapes what would start a block at the start of each line; leading blanks go (Markdown drops them). */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/u, '')
        .replace(LINE_START_MARKER, '\\$&')
        .replace(LINE_START_NUMBER, '$1\\$2'),
    )
    .join('\n');
}

/** A heading's closing #s would be dropped as a closing sequence: one at the end is escaped. */
function headingText(text: string): string {
  return text.replace(/#$/u, '\\#');
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n');
}

function codeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .*[^ ].* $/u.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Inside <…>, where only a line break, < or > would end it early. */
function linkDestination(href: string): string {
  return href.replace(/[\s<>]/gu, encodeURIComponent);
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/gu) ?? []).map((run) => run.length));
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
