/**
 * Versions of a source with the real re-anchoring engine: a revision of the
 * sample article, reading old versions, reopening a report, comparing versions.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PassageView, SourceDetail } from '../../src/shared/api';
import {
  expectDossierError,
  hasSampleArticle,
  sampleArticleFile,
  toBase64,
  useTempCore,
} from './support/tempCore';

if (!hasSampleArticle) {
  console.log(
    `versions.test: the sample article revision is skipped: ${sampleArticleFile} is absent`,
  );
}

const notebook = useTempCore();

/** The words under a placed passage in the text it is listed with. */
function wordsUnder(source: SourceDetail, passage: PassageView): string {
  expect(passage.start).not.toBeNull();
  return source.text.slice(passage.start!, passage.end!);
}

describe.skipIf(!hasSampleArticle)('a revision of the sample article', () => {
  it('keeps unchanged passages on their words, follows an edited one and orphans a deleted one', async () => {
    const bytes = fs.readFileSync(sampleArticleFile);
    const { sourceId } = await notebook.core.importFile({
      fileName: 'article.txt',
      contentBase64: toBase64(bytes),
    });
    const mark = (quote: string) => notebook.core.markPassage({ sourceId, quote });
    const donor = mark('Iran is the biggest donor');
    const deleted = mark('This was only a few months before Hamas launched the October 7 attack.');
    const edited = mark(
      'Hamas welcomed the resolution but said the ceasefire needs to be permanent.',
    );
    const early = mark("met with Iran's Supreme Leader Ali Khamenei");
    const { noteId } = notebook.core.createNote({
      title: 'Timeline',
      passageIds: [deleted.passageId],
    });
    const v1 = notebook.core.getSource({ sourceId });

    // The publisher's edit: a paragraph inserted near the top, a sentence deleted
    // (the article writes its spaces as no-break spaces), a word changed.
    const revisedText = (v1.text.slice(0, deleted.start - 1) + v1.text.slice(deleted.end))
      .replace('needs to be permanent.', 'needs to be lasting.')
      .replace(
        'Hamas leader Ismail Haniyeh during his visit',
        'Editor’s note: this story was updated on March 27.\n\nHamas leader Ismail Haniyeh during his visit',
      );
    expect(revisedText).toContain('lasting');
    expect(revisedText).toContain('Editor’s note');

    const revised = await notebook.core.importFile({
      fileName: 'article-updated.txt',
      contentBase64: toBase64(revisedText),
      revisionOf: sourceId,
    });

    const source = notebook.core.getSource({ sourceId });
    expect(source.text).toBe(revisedText);
    expect(source.versionNumber).toBe(2);
    expect(
      source.versions.map((version) => [version.number, version.origin, version.fileName]),
    ).toEqual([
      [1, 'file', 'article.txt'],
      [2, 'file', 'article-updated.txt'],
    ]);
    const passage = (id: string) => source.passages.find((p) => p.id === id)!;

    for (const unchanged of [donor, early]) {
      const view = passage(unchanged.passageId);
      expect(['exact', 'moved']).toContain(view.status);
      expect(view.score).toBe(1);
      expect(wordsUnder(source, view)).toBe(view.exact);
    }
    expect(passage(donor.passageId).start).toBeGreaterThan(donor.start);

    const fuzzy = passage(edited.passageId);
    expect(fuzzy.status).toBe('fuzzy');
    expect(fuzzy.score).toBeGreaterThan(0.5);
    expect(fuzzy.score).toBeLessThan(1);
    expect(wordsUnder(source, fuzzy)).toBe(
      'Hamas welcomed the resolution but said the ceasefire needs to be lasting.',
    );

    // Gone: no place in the text, nothing suggested in its stead, the note still links it.
    const orphan = passage(deleted.passageId);
    expect(orphan).toMatchObject({ status: 'orphaned', start: null, end: null, noteIds: [noteId] });
    expect(orphan.exact).toBe(v1.text.slice(deleted.start, deleted.end));
    expect(notebook.core.getNote({ noteId }).passageIds).toEqual([deleted.passageId]);

    expect(revised).toMatchObject({ status: 'revised', sourceId, versionId: source.versionId });
    if (revised.status !== 'revised') throw new Error('not revised');
    const { report } = revised;
    expect(report.exact + report.moved).toBe(2);
    expect([report.fuzzy, report.orphaned]).toEqual([1, 1]);
    const listed = new Map(report.passages.map((p) => [p.id, p]));
    expect(listed.get(edited.passageId)).toEqual({
      id: edited.passageId,
      status: 'fuzzy',
      score: fuzzy.score,
      oldText: 'Hamas welcomed the resolution but said the ceasefire needs to be permanent.',
      newText: 'Hamas welcomed the resolution but said the ceasefire needs to be lasting.',
    });
    expect(listed.get(deleted.passageId)).toEqual({
      id: deleted.passageId,
      status: 'orphaned',
      score: orphan.score,
      oldText: orphan.exact,
    });
    expect(report.passages.every((p) => p.status !== ('exact' as string))).toBe(true);
    expect(notebook.core.getRevisionReport({ sourceId }).report).toEqual(report);

    // Version 1 still reads as it was, with its passages where they were marked.
    const old = notebook.core.getSource({ sourceId, versionNumber: 1 });
    expect(old.text).toBe(v1.text);
    expect(old.versionNumber).toBe(1);
    expect(old.blocks).toEqual(v1.blocks);
    expect(old.passages.map((p) => p.id).sort()).toEqual(
      [donor, deleted, edited, early].map((m) => m.passageId).sort(),
    );
    for (const view of old.passages) expect(wordsUnder(old, view)).toBe(view.exact);

    const changes = notebook.core
      .diffVersions({ sourceId })
      .segments.filter((segment) => segment.kind !== 'same')
      .map((segment) => [segment.kind, segment.text.replace(/\s+/g, ' ')]);
    expect(changes).toEqual([
      ['added', 'Editor’s note: this story was updated on March 27. '],
      ['removed', 'permanent'],
      ['added', 'lasting'],
      ['removed', expect.stringContaining('This was only a few months before Hamas launched')],
    ]);
  });
});

describe('versions', () => {
  const V1 = 'Harbour\n\nThe ferry left at dawn. It carried forty passengers.';
  const V2 = 'Harbour\n\nThe ferry left at dusk. It carried forty passengers.';
  const V3 = 'Harbour\n\nThe ferry left at dusk. It carried forty-two passengers.';

  async function threeVersions(): Promise<string> {
    const { sourceId } = await notebook.core.importText({ text: V1 });
    notebook.core.markPassage({ sourceId, quote: 'forty passengers' });
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    await notebook.core.importFile({
      fileName: 'v3.txt',
      contentBase64: toBase64(V3),
      revisionOf: sourceId,
    });
    return sourceId;
  }

  it('are listed oldest first, with how each came in and its size', async () => {
    const sourceId = await threeVersions();
    const source = notebook.core.getSource({ sourceId });
    expect(source.versions).toEqual([
      {
        id: expect.any(String),
        number: 1,
        createdAt: expect.any(String),
        origin: 'paste',
        fileName: null,
        charCount: V1.length,
      },
      {
        id: expect.any(String),
        number: 2,
        createdAt: expect.any(String),
        origin: 'paste',
        fileName: null,
        charCount: V2.length,
      },
      {
        id: source.versionId,
        number: 3,
        createdAt: expect.any(String),
        origin: 'file',
        fileName: 'v3.txt',
        charCount: V3.length,
      },
    ]);
    const times = source.versions.map((version) => version.createdAt);
    expect([...times].sort()).toEqual(times);
    // The library lists the source once, sized by its current version.
    expect(notebook.core.listSources({})).toEqual([
      expect.objectContaining({ id: sourceId, charCount: V3.length, passageCount: 1 }),
    ]);
  });

  it('an older version is read with only the passages marked on it', async () => {
    const sourceId = await threeVersions();
    const onV2 = notebook.core.markPassage({ sourceId, quote: 'dusk' });
    expect(
      notebook.core.getSource({ sourceId, versionNumber: 1 }).passages.map((p) => p.exact),
    ).toEqual(['forty passengers']);
    // Marked on version 3 (the current one), so not on version 2.
    expect(notebook.core.getSource({ sourceId, versionNumber: 2 }).passages).toEqual([]);
    const current = notebook.core.getSource({ sourceId, versionNumber: 3 });
    expect(current.passages.map((p) => p.id)).toContain(onV2.passageId);
    expect(current).toEqual(notebook.core.getSource({ sourceId }));
  });

  it('a missing version or source is not_found', async () => {
    const sourceId = await threeVersions();
    const error = expectDossierError(
      () => notebook.core.getSource({ sourceId, versionNumber: 4 }),
      'not_found',
    );
    expect(error.message).toBe(`Source ${sourceId} has no version 4 (it has versions 1–3).`);
    expectDossierError(
      () => notebook.core.getSource({ sourceId: '99', versionNumber: 1 }),
      'not_found',
    );
    expectDossierError(() => notebook.core.diffVersions({ sourceId, from: 0 + 5 }), 'not_found');
    expectDossierError(() => notebook.core.diffVersions({ sourceId: '99' }), 'not_found');
    expectDossierError(
      () => notebook.core.getRevisionReport({ sourceId, versionNumber: 9 }),
      'not_found',
    );
    expectDossierError(() => notebook.core.getRevisionReport({ sourceId: '99' }), 'not_found');
  });

  it('a report is reopened by version; the first version has none', async () => {
    const sourceId = await threeVersions();
    const latest = notebook.core.getRevisionReport({ sourceId });
    expect(latest.version.number).toBe(3);
    expect(latest.report).toMatchObject({ fuzzy: 1, passages: [{ status: 'fuzzy' }] });
    expect(notebook.core.getRevisionReport({ sourceId, versionNumber: 2 })).toMatchObject({
      sourceId,
      version: { number: 2, origin: 'paste' },
      report: { orphaned: 0, fuzzy: 0, passages: [] },
    });
    const first = expectDossierError(
      () => notebook.core.getRevisionReport({ sourceId, versionNumber: 1 }),
      'not_found',
    );
    expect(first.message).toContain('no revision report');
  });

  it('are compared word by word, the previous with the current by default', async () => {
    const sourceId = await threeVersions();
    const changes = (from?: number, to?: number) =>
      notebook.core
        .diffVersions({ sourceId, from, to })
        .segments.filter((segment) => segment.kind !== 'same')
        .map((segment) => `${segment.kind}:${segment.text}`);
    expect(notebook.core.diffVersions({ sourceId })).toMatchObject({
      sourceId,
      from: 2,
      to: 3,
      stats: { added: 'forty-two'.length, removed: 'forty'.length },
    });
    expect(changes()).toEqual(['removed:forty', 'added:forty-two']);
    expect(changes(1, 3)).toEqual([
      'removed:dawn',
      'added:dusk',
      'removed:forty',
      'added:forty-two',
    ]);
    expect(changes(undefined, 2)).toEqual(['removed:dawn', 'added:dusk']);
    // Backwards is just the other way round.
    expect(changes(3, 1)).toEqual([
      'removed:dusk',
      'added:dawn',
      'removed:forty-two',
      'added:forty',
    ]);
    expect(changes(2, 2)).toEqual([]);
  });

  it('a source with one version compares it with itself', async () => {
    const { sourceId } = await notebook.core.importText({ text: V1 });
    expect(notebook.core.diffVersions({ sourceId })).toEqual({
      sourceId,
      from: 1,
      to: 1,
      segments: [{ kind: 'same', text: V1 }],
      stats: { added: 0, removed: 0 },
    });
  });

  it('Persian text is revised and compared in its own order', async () => {
    const before = 'گزارش بندر\n\nکشتی سحرگاه بندر را ترک کرد. چهل مسافر داشت.\n\nدریا آرام بود.';
    const after =
      'گزارش بندر\n\nیک پاراگراف تازه.\n\nکشتی شامگاه بندر را ترک کرد. چهل مسافر داشت.\n\nدریا آرام بود.';
    const { sourceId } = await notebook.core.importText({ text: before });
    const calm = notebook.core.markPassage({ sourceId, quote: 'دریا آرام بود.' });
    const passengers = notebook.core.markPassage({ sourceId, quote: 'چهل مسافر داشت.' });
    await notebook.core.importText({ revisionOf: sourceId, text: after });
    const source = notebook.core.getSource({ sourceId });
    for (const { passageId } of [calm, passengers]) {
      const view = source.passages.find((p) => p.id === passageId)!;
      expect(wordsUnder(source, view)).toBe(view.exact);
    }
    const diff = notebook.core.diffVersions({ sourceId });
    expect(diff.segments.filter((segment) => segment.kind !== 'same')).toEqual([
      { kind: 'added', text: 'یک پاراگراف تازه.\n\n' },
      { kind: 'removed', text: 'سحرگاه' },
      { kind: 'added', text: 'شامگاه' },
    ]);
  });
});
