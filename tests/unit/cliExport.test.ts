/** `dossier export` and `dossier import-notebook` as scripts use them. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedNotebook, ExportedNotes, ImportedNotebook } from '../../src/shared/api';
import { repoRoot } from '../support/sharedData';
import { useCliNotebook } from './support/cliNotebook';

const cli = useCliNotebook();
const { dossier, dossierJson } = cli;
const newsPage = path.join(repoRoot, 'tests/fixtures/web/english-news.html');

/** A source, a passage and a note linking it, through the command. */
function fillNotebook(): { noteId: string } {
  const [imported] = dossierJson<Array<{ sourceId: string }>>('import', newsPage);
  const { passageId } = dossierJson<{ passageId: string }>(
    'mark',
    imported!.sourceId,
    '--quote',
    'deep cracks in the concrete',
    '--comment',
    'Why it closes.',
  );
  return dossierJson<{ noteId: string }>(
    'note',
    'add',
    '--title',
    'Quay',
    '--text',
    'Closed:',
    '--link',
    passageId,
  );
}

describe('dossier export', () => {
  it('writes notes as Markdown or HTML into a folder it creates, with the cited sources beside them', () => {
    const { noteId } = fillNotebook();
    dossierJson('note', 'add', '--title', 'Second', '--text', 'Nothing cited.');
    const folder = path.join(cli.folder, 'exported', 'notes');
    const markdown = dossierJson<ExportedNotes>('export', '--format', 'md', '--out', folder);
    expect(markdown.notes.map((note) => path.basename(note.file))).toEqual([
      'Quay.md',
      'Second.md',
    ]);
    expect(markdown).toMatchObject({ folder, sourceCount: 1, passageCount: 1 });
    expect(fs.readFileSync(path.join(folder, 'Quay.md'), 'utf8')).toBe(
      '# Quay\n\nClosed:\n\ndeep cracks in the concrete[^1]\n\n' +
        '[^1]: Northern quay to close for repairs after storms, Jane Morrow, The Coastal Herald, ' +
        '<https://example.org/news/northern-quay-repairs>, published 2026-02-10: ' +
        '“deep cracks in the concrete” (characters 212–239 of version 1)\n',
    );
    const html = dossierJson<ExportedNotes>(
      'export',
      '--format',
      'html',
      '--out',
      folder,
      '--note',
      noteId,
    );
    expect(html.notes).toEqual([{ noteId, file: path.join(folder, 'Quay.html') }]);
    // The side files of the first export are kept; this one's are numbered.
    expect(path.basename(html.sourcesFile)).toBe('sources (2).csl.json');
    expect(fs.readFileSync(html.notes[0]!.file, 'utf8')).toContain('<h1 dir="auto">Quay</h1>');
  });

  it('says what it wrote, file by file', () => {
    fillNotebook();
    const result = dossier('export', '--format', 'md', '--out', 'out');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Exported 1 note citing 1 passage from 1 source to ${path.join(cli.folder, 'out')}\n` +
        '  Quay.md\n  sources.csl.json\n  annotations.jsonld\n',
    );
  });

  it('writes the whole notebook to JSON, which import-notebook reads into an empty notebook', () => {
    fillNotebook();
    const file = path.join(cli.folder, 'notebook.json');
    const exported = dossierJson<ExportedNotebook>('export', '--format', 'json', '--out', file);
    expect(exported).toMatchObject({ file, rows: { sources: 1, passages: 1, notes: 1 } });
    expect(exported.bytes).toBe(fs.statSync(file).size);

    const other = path.join(cli.folder, 'other.db');
    const imported = dossierJson<ImportedNotebook>('--db', other, 'import-notebook', file);
    expect(imported).toEqual({ file, rows: exported.rows });
    for (const listing of ['list', 'notes', 'tags']) {
      expect(dossier('--db', other, listing, '--json').stdout, listing).toBe(
        dossier(listing, '--json').stdout,
      );
    }
    expect(dossier('--db', other, 'search', 'cracks', '--json').stdout).toBe(
      dossier('search', 'cracks', '--json').stdout,
    );

    const text = dossier('--db', path.join(cli.folder, 'third.db'), 'import-notebook', file);
    expect(text.stdout).toBe(`Imported 1 source, 1 passage, 1 note from ${file}\n`);
  });

  it('refuses to import into a notebook that is not empty, or to write over a file', () => {
    fillNotebook();
    const file = path.join(cli.folder, 'notebook.json');
    dossierJson('export', '--format', 'json', '--out', file);
    const refused = dossier('import-notebook', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'dossier: This notebook is not empty (1 original, 1 source, 1 source version, 1 passage, 1 note, 1 note link): ' +
        'a notebook export is imported into a new, empty notebook only (dossier --db NEW.db import-notebook FILE).\n',
    );
    const again = dossier('export', '--format', 'json', '--out', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`dossier: ${file} already exists; choose a new file name.\n`);
  });

  it('says how to call it when called wrongly', () => {
    for (const args of [
      ['export', '--out', 'x'],
      ['export', '--format', 'pdf', '--out', 'x'],
      ['export', '--format', 'md'],
      ['export', '--format', 'json', '--out', 'x.json', '--note', '1'],
      ['export', 'extra', '--format', 'md', '--out', 'x'],
      ['import-notebook'],
      ['import-notebook', 'a.json', 'b.json'],
    ]) {
      const result = dossier(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^dossier: /);
    }
    expect(fs.existsSync(path.join(cli.folder, 'x'))).toBe(false);
    expect(dossier('--help').stdout).toContain('export --format md|html --out FOLDER');
  });
});
