import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MAX_STEM_BYTES, safeFileStem } from '../../src/core/export/safeFileName';
import type { CslItem } from '../../src/core/export/cslJson';
import type { AnnotationCollection } from '../../src/core/export/webAnnotation';
import { buildGoldenNote, lexical } from './support/richNotebook';
import { expectDossierRejection, useTempCore } from './support/tempCore';

const goldenDir = path.resolve(__dirname, '../fixtures/export');
/** Set to rewrite the golden files from what the export writes now (then read the diff). */
const updateGolden = process.env.UPDATE_EXPORT_GOLDEN === '1';

const notebook = useTempCore();

function expectGolden(file: string, golden: string): void {
  const written = fs.readFileSync(file, 'utf8');
  const goldenFile = path.join(goldenDir, golden);
  if (updateGolden) fs.writeFileSync(goldenFile, written);
  expect(written).toBe(fs.readFileSync(goldenFile, 'utf8'));
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function noteWithTitle(title: string, text = 'Body.'): string {
  return notebook.core.createNote({ title, text }).noteId;
}

describe('exporting notes as Markdown and HTML', () => {
  it('writes the golden note as Markdown, each linked passage a footnote', async () => {
    const { noteId } = await buildGoldenNote(notebook.core);
    const destination = path.join(notebook.dir, 'out-md');
    const result = await notebook.core.exportNotes({ format: 'md', destination });
    expect(result).toMatchObject({
      folder: destination,
      notes: [{ noteId, file: path.join(destination, 'Harbour notes_ CON_AUX_.md') }],
      sourcesFile: path.join(destination, 'sources.csl.json'),
      annotationsFile: path.join(destination, 'annotations.jsonld'),
      sourceCount: 2,
      passageCount: 2,
    });
    expectGolden(result.notes[0]!.file, 'harbour-notes.md');
  });

  it('writes Markdown a CommonMark reader takes back as the same blocks and words', async () => {
    await buildGoldenNote(notebook.core);
    const destination = path.join(notebook.dir, 'out-md');
    const { notes } = await notebook.core.exportNotes({ format: 'md', destination });
    const html = new MarkdownIt().render(fs.readFileSync(notes[0]!.file, 'utf8'));
    const tags = (tag: string) => html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    expect([
      tags('h1'),
      tags('h2'),
      tags('h3'),
      tags('ul'),
      tags('ol'),
      tags('blockquote'),
    ]).toEqual([1, 1, 1, 3, 1, 1]);
    expect(tags('hr')).toBe(1);
    // Text that looks like syntax reads back as the text.
    expect(html).toContain('<p>1. not a list, # not a heading</p>');
    expect(html).toContain('<p>- not a bullet either</p>');
    expect(html).toContain('<li>start * next month</li>');
    expect(html).toContain('on &lt;the&gt; notes &amp; 1 &lt; 2.');
    expect(html).toContain('<code>grep -n `quay`</code>');
    expect(html).toContain('<strong>next month</strong>');
    expect(html).toContain('<em><strong>summer</strong></em>');
    expect(html).toContain('<a href="https://example.org/harbour/report">report</a>');
    expect(html).not.toContain('javascript:');
  });

  it('writes the golden note as a standalone HTML page', async () => {
    await buildGoldenNote(notebook.core);
    const destination = path.join(notebook.dir, 'out-html');
    const result = await notebook.core.exportNotes({ format: 'html', destination });
    expectGolden(result.notes[0]!.file, 'harbour-notes.html');
  });

  it('escapes everything in HTML and keeps only http, https and mailto links', async () => {
    const body = lexical.body(
      lexical.paragraph(
        lexical.text('<script>alert(1)</script> "quoted" & \'single\''),
        lexical.link('javascript:alert(1)', lexical.text('bad')),
        lexical.link('https://example.org/?a="x"&b=<y>', lexical.text('good')),
        lexical.link('mailto:desk@example.org', lexical.text('mail')),
      ),
    );
    notebook.core.createNote({ title: '<img src=x onerror=alert(1)>', body });
    const destination = path.join(notebook.dir, 'out');
    const { notes } = await notebook.core.exportNotes({ format: 'html', destination });
    const html = fs.readFileSync(notes[0]!.file, 'utf8');
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;',
    );
    expect(html).toContain('<title>&lt;img src=x onerror=alert(1)&gt;</title>');
    expect(html).toContain('bad<a href="https://example.org/?a=%22x%22&amp;b=%3Cy%3E">good</a>');
    expect(html).toContain('<a href="mailto:desk@example.org">mail</a>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('exports the notes asked for, or every note outside the trash', async () => {
    const kept = noteWithTitle('Kept');
    const trashed = noteWithTitle('Trashed');
    const other = noteWithTitle('Other');
    notebook.core.deleteNote({ noteId: trashed });
    const all = await notebook.core.exportNotes({
      format: 'md',
      destination: path.join(notebook.dir, 'all'),
    });
    expect(all.notes.map((note) => note.noteId)).toEqual([kept, other]);
    const chosen = await notebook.core.exportNotes({
      format: 'md',
      destination: path.join(notebook.dir, 'chosen'),
      noteIds: [trashed, kept, trashed],
    });
    expect(chosen.notes.map((note) => path.basename(note.file))).toEqual(['Trashed.md', 'Kept.md']);
    // No passages cited: the two side files are still written, empty.
    expect(readJson(chosen.sourcesFile)).toEqual([]);
    expect(readJson<AnnotationCollection>(chosen.annotationsFile)).toMatchObject({ total: 0 });
  });

  it('refuses unknown notes before creating anything', async () => {
    noteWithTitle('Kept');
    const destination = path.join(notebook.dir, 'never');
    const error = await expectDossierRejection(
      () => notebook.core.exportNotes({ format: 'md', destination, noteIds: ['1', '41', '42'] }),
      'not_found',
    );
    expect(error.message).toBe('No notes with id 41, 42; nothing was exported.');
    expect(fs.existsSync(destination)).toBe(false);
  });

  it('removes what it wrote when cancelled, and only that', async () => {
    const destination = path.join(notebook.dir, 'out');
    fs.mkdirSync(destination);
    fs.writeFileSync(path.join(destination, 'First.md'), 'mine');
    noteWithTitle('First');
    noteWithTitle('Second');
    const controller = new AbortController();
    const operation = { signal: controller.signal, progress: () => controller.abort() };
    const error = await expectDossierRejection(
      () => notebook.core.exportNotes({ format: 'md', destination, operationId: 'x' }, operation),
      'cancelled',
    );
    expect(error.message).toBe('The export was cancelled; the files it had written were removed.');
    expect(fs.readdirSync(destination)).toEqual(['First.md']);
    expect(fs.readFileSync(path.join(destination, 'First.md'), 'utf8')).toBe('mine');
  });

  it('refuses a destination that is a file', async () => {
    const destination = path.join(notebook.dir, 'a-file');
    fs.writeFileSync(destination, 'keep me');
    noteWithTitle('Kept');
    await expectDossierRejection(
      () => notebook.core.exportNotes({ format: 'md', destination }),
      'invalid_argument',
    );
    expect(fs.readFileSync(destination, 'utf8')).toBe('keep me');
  });
});

describe('safe file names', () => {
  it('never names a path outside the folder, a hidden file or a device', () => {
    expect(safeFileStem('..')).toBe('Untitled');
    expect(safeFileStem('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileStem('..\\..\\boot.ini')).toBe('_.._boot.ini');
    expect(safeFileStem('.hidden')).toBe('hidden');
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('nul')).toBe('nul_');
    expect(safeFileStem('com1.txt')).toBe('com1_.txt');
    expect(safeFileStem('LPT9 ')).toBe('LPT9_');
    expect(safeFileStem('Console')).toBe('Console');
    expect(safeFileStem('a\u0000b\u001fc\u007fd\u0085e')).toBe('a_b_c_d_e');
    expect(safeFileStem('Report: "draft" <v2> | final?*')).toBe('Report_ _draft_ _v2_ _ final__');
    expect(safeFileStem('Trailing dots. . .')).toBe('Trailing dots');
    expect(safeFileStem('tab\tand\nnewline')).toBe('tab and newline');
    // A right-to-left override would show "exe.txt" for this name.
    expect(safeFileStem('invoice\u202etxt.exe')).toBe('invoice_txt.exe');
    expect(safeFileStem('   ')).toBe('Untitled');
    expect(safeFileStem('///')).toBe('Untitled');
  });

  it('keeps Persian with its joiners and cuts a long title at a grapheme, within the byte budget', () => {
    expect(safeFileStem('می‌خواهم')).toBe('می‌خواهم');
    const persian = 'گزارش‌های بندر شمالی و جنوبی '.repeat(12).slice(0, 300);
    expect(persian.length).toBe(300);
    const stem = safeFileStem(persian);
    const bytes = Buffer.byteLength(stem);
    expect(bytes).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(bytes).toBeGreaterThan(MAX_STEM_BYTES - 12);
    expect(persian.startsWith(stem)).toBe(true);
    expect(Buffer.from(stem).toString('utf8')).toBe(stem);
    // A letter with its combining marks is one grapheme: never cut between them.
    const marked = `${'a'.repeat(MAX_STEM_BYTES - 2)}e\u0301\u0302`;
    expect(safeFileStem(marked)).toBe('a'.repeat(MAX_STEM_BYTES - 2));
  });

  it('numbers duplicate titles and never overwrites a file already in the folder', async () => {
    const destination = path.join(notebook.dir, 'out');
    fs.mkdirSync(destination);
    fs.writeFileSync(path.join(destination, 'Minutes.md'), 'written by hand');
    noteWithTitle('Minutes', 'first');
    noteWithTitle('Minutes', 'second');
    noteWithTitle('minutes/..', 'third');
    const { notes } = await notebook.core.exportNotes({ format: 'md', destination });
    expect(notes.map((note) => path.basename(note.file))).toEqual([
      'Minutes (2).md',
      'Minutes (3).md',
      'minutes_.md',
    ]);
    expect(fs.readFileSync(path.join(destination, 'Minutes.md'), 'utf8')).toBe('written by hand');
    expect(fs.readFileSync(notes[1]!.file, 'utf8')).toBe('# Minutes\n\nsecond\n');
  });

  it('gives a long Persian title a name the file system takes', async () => {
    const title = 'گزارش بندر '.repeat(30).slice(0, 300);
    noteWithTitle(title);
    const { notes } = await notebook.core.exportNotes({
      format: 'html',
      destination: path.join(notebook.dir, 'out'),
    });
    const name = path.basename(notes[0]!.file);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_STEM_BYTES + '.html'.length);
    expect(fs.readFileSync(notes[0]!.file, 'utf8')).toContain(`<title>${title}</title>`);
  });

  it('never writes through a symbolic link planted in the folder', async () => {
    const destination = path.join(notebook.dir, 'out');
    const elsewhere = path.join(notebook.dir, 'elsewhere');
    fs.mkdirSync(destination);
    fs.mkdirSync(elsewhere);
    const target = path.join(elsewhere, 'victim.txt');
    fs.writeFileSync(target, 'untouched');
    fs.symlinkSync(target, path.join(destination, 'Planted.md'));
    // A link to nothing: following it would create the file it names.
    fs.symlinkSync(path.join(elsewhere, 'created.txt'), path.join(destination, 'sources.csl.json'));
    noteWithTitle('Planted');
    const result = await notebook.core.exportNotes({ format: 'md', destination });
    expect(path.basename(result.notes[0]!.file)).toBe('Planted (2).md');
    expect(path.basename(result.sourcesFile)).toBe('sources (2).csl.json');
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched');
    expect(fs.existsSync(path.join(elsewhere, 'created.txt'))).toBe(false);
    expect(fs.readdirSync(elsewhere)).toEqual(['victim.txt']);
  });
});

describe('sources as CSL-JSON and passages as Web Annotations', () => {
  it('describes each cited source once, with its type, authors, site, address and dates', async () => {
    await buildGoldenNote(notebook.core);
    const { sourcesFile } = await notebook.core.exportNotes({
      format: 'md',
      destination: path.join(notebook.dir, 'out'),
    });
    const items = readJson<CslItem[]>(sourcesFile);
    expect(items).toHaveLength(2);
    const [web, pdf] = items;
    expect(web).toMatchObject({
      id: 'dossier-source-1',
      type: 'article-newspaper',
      title: 'Northern quay to close for repairs after storms',
      author: [{ literal: 'Jane Morrow' }],
      'container-title': 'The Coastal Herald',
      URL: 'https://example.org/news/northern-quay-repairs',
      issued: { 'date-parts': [[2026, 2, 10]] },
      language: 'en-GB',
    });
    expect(pdf).toMatchObject({
      id: 'dossier-source-2',
      type: 'report',
      title: 'Reading the Salt Marsh',
      author: [{ literal: 'Mara Lindqvist' }],
      issued: { 'date-parts': [[2024, 3, 15]] },
    });
    const today = new Date();
    for (const item of items) {
      expect(item.accessed).toEqual({
        'date-parts': [[today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()]],
      });
    }
  });

  it('annotates each cited passage with quote and code point selectors, its comment and colour', async () => {
    const { webPassageId, pdfPassageId } = await buildGoldenNote(notebook.core);
    notebook.core.setHighlightColorLabel({ color: 'pink', label: 'evidence' });
    // An astral character before the passage: code points and UTF-16 units differ there.
    const pasted = await notebook.core.importText({
      title: 'Signs',
      text: 'Signs\n\n𝔸 sign 🚢 says the ferry left at dawn.',
    });
    const ferry = notebook.core.markPassage({ sourceId: pasted.sourceId, quote: 'ferry left' });
    notebook.core.createNote({ title: 'Ferry', passageIds: [ferry.passageId] });

    const { annotationsFile } = await notebook.core.exportNotes({
      format: 'md',
      destination: path.join(notebook.dir, 'out'),
    });
    const collection = readJson<AnnotationCollection>(annotationsFile);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 3,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    const [web, pdf, sign] = collection.first.items;
    expect(web).toMatchObject({
      id: `urn:dossier:passage:${webPassageId}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        {
          type: 'TextualBody',
          value: 'The reason for the closure.',
          purpose: 'commenting',
          format: 'text/plain',
        },
        { type: 'TextualBody', value: 'pink', purpose: 'tagging' },
        { type: 'TextualBody', value: 'evidence', purpose: 'tagging' },
      ],
      target: {
        source: 'https://example.org/news/northern-quay-repairs',
        selector: [
          { type: 'TextQuoteSelector', exact: 'deep cracks in the concrete' },
          { type: 'TextPositionSelector', start: 212, end: 239 },
        ],
      },
    });
    expect(pdf).toMatchObject({
      id: `urn:dossier:passage:${pdfPassageId}`,
      motivation: 'highlighting',
      body: [{ type: 'TextualBody', value: 'blue', purpose: 'tagging' }],
      target: { source: 'urn:dossier:source:2' },
    });
    const { text } = notebook.core.getSource({ sourceId: pasted.sourceId });
    const [quote, position] = sign!.target.selector;
    expect(quote).toMatchObject({
      exact: 'ferry left',
      prefix: expect.stringContaining('says the '),
    });
    expect([...text].slice(position.start, position.end).join('')).toBe('ferry left');
    expect(position.start).toBe(text.indexOf('ferry') - 2);
  });
});
