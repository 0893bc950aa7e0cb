/**
 * A note as a standalone HTML page that is safe to open anywhere: every text
 * and attribute escaped, no script (a Content-Security-Policy forbids any, and
 * anything fetched), links only to http, https and mailto, a small inline
 * stylesheet, `dir="auto"` on every block so Arabic, Persian and Hebrew lines
 * run right to left, and the footnotes as an ordered list.
 */
import { footnoteContent, type Footnote } from './footnotes';
import { TextFormat, type Inline, type ListBlock, type NoteBlock } from './noteDocument';

/** Elements for each format bit, outermost first. */
const FORMAT_ELEMENTS: ReadonlyArray<readonly [bit: number, element: string]> = [
  [TextFormat.bold, 'strong'],
  [TextFormat.italic, 'em'],
  [TextFormat.underline, 'u'],
  [TextFormat.strikethrough, 's'],
  [TextFormat.highlight, 'mark'],
  [TextFormat.subscript, 'sub'],
  [TextFormat.superscript, 'sup'],
  [TextFormat.code, 'code'],
];

const STYLESHEET = `
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1rem; font: 1.05rem/1.6 system-ui, sans-serif; color: #1d1d1f; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
blockquote { margin: 1rem 0; padding-inline-start: 1rem; border-inline-start: 3px solid #c8c8cc; color: #3a3a3c; }
pre { padding: 0.75rem; overflow-x: auto; background: #f2f2f5; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
ul.checklist { list-style: none; padding-inline-start: 1.2rem; }
.passage-link { background: #fff3b0; }
.footnotes { margin-top: 2.5rem; border-top: 1px solid #c8c8cc; font-size: 0.92rem; }
`;

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

export function noteToHtml(
  title: string,
  blocks: readonly NoteBlock[],
  footnotes: readonly Footnote[],
): string {
  const numbers = new Map(footnotes.map((footnote) => [footnote.passageId, footnote.number]));
  const referenced = new Set<string>();
  const body = blocks.map((block) => writeBlock(block, { numbers, referenced })).filter(Boolean);
  if (footnotes.length > 0) body.push(writeFootnotes(footnotes));
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<article>',
    `<h1 dir="auto">${escapeHtml(title)}</h1>`,
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

interface Context {
  numbers: ReadonlyMap<string, number>;
  /** Passages whose first reference (the footnote's way back) is written. */
  referenced: Set<string>;
}

function writeBlock(block: NoteBlock, context: Context): string {
  switch (block.kind) {
    case 'paragraph':
      return textBlock('p', block.inlines, context);
    case 'heading':
      return textBlock(`h${block.level}`, block.inlines, context);
    case 'quote':
      return textBlock('blockquote', block.inlines, context);
    case 'list':
      return writeList(block, context);
    case 'code': {
      const language = block.language?.replace(/[^\w+#.-]/gu, '');
      const attribute = language ? ` class="language-${escapeHtml(language)}"` : '';
      return `<pre dir="auto"><code${attribute}>${escapeHtml(block.text)}</code></pre>`;
    }
    case 'rule':
      return '<hr>';
  }
}

/** An empty paragraph (a blank line in the editor) writes nothing. */
function textBlock(element: string, inlines: readonly Inline[], context: Context): string {
  if (inlines.length === 0) return '';
  return `<${element} dir="auto">${writeInlines(inlines, context)}</${element}>`;
}

function writeList(list: ListBlock, context: Context): string {
  const ordered = list.listType === 'number';
  const tag = ordered ? 'ol' : 'ul';
  const attributes =
    (ordered && list.start !== 1 ? ` start="${list.start}"` : '') +
    (list.listType === 'check' ? ' class="checklist"' : '');
  const items = list.items.map((item) => {
    const box =
      list.listType === 'check'
        ? `<input type="checkbox" disabled${item.checked ? ' checked' : ''}> `
        : '';
    const sublists = item.sublists.map((sublist) => `\n${writeList(sublist, context)}`).join('');
    return `<li dir="auto">${box}${writeInlines(item.inlines, context)}${sublists}</li>`;
  });
  return `<${tag}${attributes}>\n${items.join('\n')}\n</${tag}>`;
}

function writeInlines(inlines: readonly Inline[], context: Context): string {
  return inlines.map((inline) => writeInline(inline, context)).join('');
}

function writeInline(inline: Inline, context: Context): string {
  switch (inline.kind) {
    case 'text':
      return FORMAT_ELEMENTS.reduceRight(
        (html, [bit, element]) =>
          (inline.format & bit) !== 0 ? `<${element}>${html}</${element}>` : html,
        escapeHtml(inline.text),
      );
    case 'linebreak':
      return '<br>';
    case 'link': {
      const text = writeInlines(inline.children, context);
      return inline.href === null ? text : `<a href="${escapeHtml(inline.href)}">${text}</a>`;
    }
    case 'passageLink': {
      const number = context.numbers.get(inline.passageId);
      // The first reference is where the footnote leads back to.
      const id = context.referenced.has(inline.passageId) ? '' : ` id="fnref-${number}"`;
      context.referenced.add(inline.passageId);
      const text = writeInlines(inline.children, context);
      return `<span class="passage-link">${text}</span><sup class="footnote-ref"><a href="#fn-${number}"${id}>${number}</a></sup>`;
    }
  }
}

function writeFootnotes(footnotes: readonly Footnote[]): string {
  const items = footnotes.map((footnote) => {
    const { pieces, quote, location } = footnoteContent(footnote);
    const source = pieces
      .map(({ text, href }) =>
        href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text),
      )
      .join(', ');
    const words =
      quote === null ? '' : `: <q>${escapeHtml(quote)}</q> (${escapeHtml(location ?? '')})`;
    const back = ` <a href="#fnref-${footnote.number}" aria-label="Back to the text">↩</a>`;
    return `<li id="fn-${footnote.number}" dir="auto">${source}${words}${back}</li>`;
  });
  return [
    '<section class="footnotes" aria-label="Sources">',
    '<ol>',
    ...items,
    '</ol>',
    '</section>',
  ].join('\n');
}

/** Text and attribute values: nothing in them can open or close markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => ENTITIES[character]!);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
