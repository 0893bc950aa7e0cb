import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { useCliNotebook } from './support/cliNotebook';
import { expectDossierRejection, useTempCore } from './support/tempCore';

const notebook = useTempCore();

const page = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<meta property="og:site_name" content="Port Weekly"></head><body><article>
<h1>Harbour report</h1>
<p>The ferry to <strong>Bandar Abbas</strong> left at dawn, says the
<a href="https://example.org/port">port office</a>.</p>
<h2>Cargo</h2>
<ul><li>Rice from the north</li><li>Salt [bulk] from the south</li></ul>
<blockquote><p>We saw no cranes moving all week.</p></blockquote>
<p>Traders expect prices to rise before the holiday, according to three merchants in the bazaar.</p>
</article></body></html>`;

async function importPage(): Promise<string> {
  const { sourceId } = await notebook.core.importFile({
    fileName: 'harbour.html',
    contentBase64: Buffer.from(page).toString('base64'),
  });
  return sourceId!;
}

describe('exporting sources as Markdown', () => {
  it('writes front matter, the text with its structure, passages highlighted, then the passages', async () => {
    const sourceId = await importPage();
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'left at dawn' });
    notebook.core.annotatePassage({ passageId, comment: 'Check against the timetable' });
    notebook.core.createNote({ title: 'Departures', text: '', passageIds: [passageId] });

    const destination = path.join(notebook.dir, 'sources');
    const result = await notebook.core.exportSources({ destination });
    expect(result.sources).toEqual([
      { sourceId, file: path.join(destination, 'Harbour report.md') },
    ]);

    const markdown = fs.readFileSync(result.sources[0]!.file, 'utf8');
    const [, yaml, body] = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/u.exec(markdown)!;
    expect(parse(yaml!)).toMatchObject({
      title: 'Harbour report',
      site: 'Port Weekly',
      version: 1,
      dossier_source_id: sourceId,
      original: { file: 'harbour.html', type: 'text/html' },
    });
    const html = new MarkdownIt({ html: true }).render(body!);
    expect(html).toContain('<h1>Harbour report</h1>');
    expect(html).toContain('<h2>Cargo</h2>');
    expect(html).toContain('<strong>Bandar Abbas</strong>');
    expect(html).toContain('<a href="https://example.org/port">port office</a>');
    expect(html).toMatch(/<li>Salt \[bulk\] from the south<\/li>/u);
    expect(html).toMatch(/<blockquote>\s*<p>We saw no cranes moving all week.<\/p>/u);
    expect(html).toContain('<mark>left at dawn</mark>');
    expect(html).toContain('<h2>Passages</h2>');
    expect(body).toContain('Comment: Check against the timetable');
    expect(body).toContain('Cited by: Departures');
  });

  it('exports the sources named, or every source outside the trash, never over a file', async () => {
    const first = await importPage();
    const { sourceId: second } = await notebook.core.importText({ text: 'Second\n\nMore words.' });
    const { sourceId: trashed } = await notebook.core.importText({ text: 'Gone\n\nOld words.' });
    notebook.core.deleteSource({ sourceId: trashed! });
    const destination = path.join(notebook.dir, 'out');
    fs.mkdirSync(destination);
    fs.writeFileSync(path.join(destination, 'Second.md'), 'mine');

    const all = await notebook.core.exportSources({ destination });
    expect(all.sources.map((source) => [source.sourceId, path.basename(source.file)])).toEqual([
      [first, 'Harbour report.md'],
      [second, 'Second (2).md'],
    ]);
    expect(fs.readFileSync(path.join(destination, 'Second.md'), 'utf8')).toBe('mine');

    const named = await notebook.core.exportSources({ destination, sourceIds: [trashed!] });
    expect(path.basename(named.sources[0]!.file)).toBe('Gone.md');
    await expectDossierRejection(
      () => notebook.core.exportSources({ destination, sourceIds: ['999'] }),
      'not_found',
    );
  });
});

describe('dossier export --sources', () => {
  const cli = useCliNotebook();

  it('writes Markdown files for the sources and lists them', () => {
    fs.writeFileSync(path.join(cli.folder, 'a.txt'), 'Harbour\n\nThe ferry left at dawn.');
    expect(cli.dossier('import', 'a.txt').code).toBe(0);
    const out = path.join(cli.folder, 'md');
    const result = cli.dossier('export', '--format', 'md', '--sources', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Exported 1 source to');
    expect(fs.readFileSync(path.join(out, 'Harbour.md'), 'utf8')).toContain(
      'The ferry left at dawn.',
    );
    expect(cli.dossier('export', '--format', 'html', '--sources', '--out', out).code).toBe(2);
  });
});
