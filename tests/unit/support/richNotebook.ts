/**
 * A notebook with something of everything in it, built through the core as
 * the app builds one: a web page, a PDF with pages, pasted text with a second
 * version, passages with colours and comments, notes written in the editor's
 * own Lexical shapes (headings, lists, quotes, formats, links, passage links),
 * revisions, tags, a collection, a named colour, and things in the trash.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../src/core/createCore';
import { PASSAGE_LINK_TYPE } from '../../../src/shared/passageLink';

const fixtures = path.resolve(__dirname, '../../fixtures');

/** Lexical 0.52's serialised nodes, as the note editor writes them. */
export const lexical = {
  text: (text: string, format = 0) => ({
    detail: 0,
    format,
    mode: 'normal',
    style: '',
    text,
    type: 'text',
    version: 1,
  }),
  element: (type: string, children: object[], extra: object = {}) => ({
    children,
    direction: null,
    format: '',
    indent: 0,
    type,
    version: 1,
    ...extra,
  }),
  paragraph: (...children: object[]) =>
    lexical.element('paragraph', children, { textFormat: 0, textStyle: '' }),
  heading: (tag: string, ...children: object[]) => lexical.element('heading', children, { tag }),
  quote: (...children: object[]) => lexical.element('quote', children),
  list: (listType: 'bullet' | 'number' | 'check', items: object[], start = 1) =>
    lexical.element('list', items, { listType, start, tag: listType === 'number' ? 'ol' : 'ul' }),
  item: (value: number, children: object[], checked?: boolean) =>
    lexical.element('listitem', children, { value, ...(checked !== undefined && { checked }) }),
  link: (url: string, ...children: object[]) =>
    lexical.element('link', children, { rel: 'noreferrer', target: null, title: null, url }),
  passageLink: (passageId: string, sourceId: string, ...children: object[]) =>
    lexical.element(PASSAGE_LINK_TYPE, children, { passageId, sourceId }),
  linebreak: { type: 'linebreak', version: 1 },
  code: (language: string, ...lines: string[]) =>
    lexical.element(
      'code',
      lines.flatMap((line, index) => [
        ...(index > 0 ? [lexical.linebreak] : []),
        lexical.text(line),
      ]),
      { language },
    ),
  rule: { type: 'horizontalrule', version: 1 },
  body: (...blocks: object[]) => JSON.stringify({ root: lexical.element('root', blocks) }),
};

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;

export function fixtureBase64(relative: string): string {
  return fs.readFileSync(path.join(fixtures, relative)).toString('base64');
}

export interface GoldenNote {
  noteId: string;
  webSourceId: string;
  pdfSourceId: string;
  /** The passage on page 2 of the PDF. */
  pdfPassageId: string;
  webPassageId: string;
}

/**
 * The note the export's golden files were written from: two sources (a web
 * page and a PDF whose passage is on page 2), a link to each (one twice), and
 * a link whose passage is gone (unless `breakLink` is false).
 */
export async function buildGoldenNote(
  core: Core,
  { breakLink = true }: { breakLink?: boolean } = {},
): Promise<GoldenNote> {
  const web = await core.importFile({
    fileName: 'english-news.html',
    contentBase64: fixtureBase64('web/english-news.html'),
  });
  const pdf = await core.importFile({
    fileName: 'english-article.pdf',
    contentBase64: fixtureBase64('pdf/english-article.pdf'),
  });
  const webPassage = core.markPassage({
    sourceId: web.sourceId,
    quote: 'deep cracks in the concrete',
    color: 'pink',
    comment: 'The reason for the closure.',
  });
  const pdfPassage = core.markPassage({
    sourceId: pdf.sourceId,
    quote: 'Radiocarbon dates on plant fragments',
    color: 'blue',
  });
  const gone = core.markPassage({ sourceId: web.sourceId, quote: 'Timetables stay the same' });
  const { text, element, paragraph, heading, quote, list, item, link, passageLink } = lexical;
  const body = lexical.body(
    heading('h2', text('What the harbour said')),
    paragraph(
      text('Engineers found '),
      passageLink(webPassage.passageId, web.sourceId, text('deep cracks in the concrete')),
      text(' and the quay closes '),
      text('next month', BOLD),
      text('; ferries move ', 0),
      text('south', ITALIC),
      text(' until '),
      text('summer', BOLD | ITALIC),
      text('.'),
    ),
    quote(text('Safety comes first'), lexical.linebreak, text('— the harbour master')),
    heading('h3', text('Open questions #2')),
    list('bullet', [
      item(1, [text('Costs: '), text('unknown', STRIKETHROUGH), text(' '), text('£4m', UNDERLINE)]),
      item(2, [text('Dates')]),
      item(3, [
        list('bullet', [item(1, [text('start * next month')]), item(2, [text('end_date')])]),
      ]),
    ]),
    list('number', [
      item(1, [text('Read the '), link('https://example.org/harbour/report', text('report'))]),
      item(2, [text('Ignore '), link('javascript:alert(1)', text('this'))]),
    ]),
    list('check', [
      item(1, [text('Call the authority')], true),
      item(2, [text('Visit the quay')], false),
    ]),
    paragraph(
      text('The marsh record: '),
      passageLink(pdfPassage.passageId, pdf.sourceId, text('Radiocarbon dates')),
      text(' — and again the '),
      passageLink(webPassage.passageId, web.sourceId, text('cracks')),
      text('. Run '),
      text('grep -n `quay`', CODE),
      text(' on <the> notes & 1 < 2.'),
    ),
    paragraph(
      text('A link whose passage is gone: '),
      passageLink(gone.passageId, web.sourceId, text('Timetables stay the same')),
    ),
    paragraph(),
    lexical.code('sh', 'echo "quay"', '```'),
    lexical.rule,
    paragraph(text('1. not a list, # not a heading')),
    paragraph(text('گزارش بندر: اسکله شمالی بسته می‌شود.')),
    element('paragraph', [text('- not a bullet either')]),
  );
  const { noteId } = core.createNote({ title: 'Harbour notes: CON/AUX?', body });
  if (breakLink) removePassageBehindLinks(core.databaseFile, gone.passageId);
  return {
    noteId,
    webSourceId: web.sourceId,
    pdfSourceId: pdf.sourceId,
    pdfPassageId: pdfPassage.passageId,
    webPassageId: webPassage.passageId,
  };
}

/**
 * Deletes a passage a note links to, as notebooks from before links kept
 * their passages could have: Dossier itself refuses to.
 */
export function removePassageBehindLinks(databaseFile: string, passageId: string): void {
  const db = new Database(databaseFile);
  try {
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM passages WHERE id = ?').run(Number(passageId));
    db.prepare('DELETE FROM passages_fts WHERE rowid = ?').run(Number(passageId));
  } finally {
    db.close();
  }
}
