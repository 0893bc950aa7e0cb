/**
 * How a new version's re-anchoring is stored, with the engine replaced by a
 * scripted one: which text each passage is matched from, what is written for
 * each status, the report, and that a bad answer writes nothing. The engine's
 * own judgement is tested with the real engine in versions.test.ts.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerWith, at, engine, orphan, type Reanchored } from './support/scriptedEngine';
import { expectDossierRejection, useTempCore } from './support/tempCore';

vi.mock('../../src/core/anchoring/reanchor', () => import('./support/scriptedEngine'));

const notebook = useTempCore();

beforeEach(() => engine.reset());

const V1 = 'Harbour\n\nThe ferry left at dawn. It carried forty passengers. The sea was calm.';
const V2 = 'Harbour\n\nA storm came.\n\nThe ferry left at dusk. It carried forty passengers.';

async function setUpSource(): Promise<{
  sourceId: string;
  ferry: string;
  passengers: string;
  calm: string;
}> {
  const { sourceId } = await notebook.core.importText({ text: V1 });
  const mark = (quote: string) => notebook.core.markPassage({ sourceId, quote }).passageId;
  return {
    sourceId,
    ferry: mark('The ferry left at dawn.'),
    passengers: mark('It carried forty passengers.'),
    calm: mark('The sea was calm.'),
  };
}

function counts(): Record<string, number> {
  const db = new Database(notebook.core.databaseFile, { readonly: true });
  try {
    const count = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { versions: count('source_versions'), passages: count('passages') };
  } finally {
    db.close();
  }
}

describe('adding a version re-anchors every passage', () => {
  it('stores each status, score and place, and reports what is not exact', async () => {
    const { sourceId, ferry, passengers, calm } = await setUpSource();
    answerWith(
      at('The ferry left at dusk.', 'fuzzy', 0.8),
      at('It carried forty passengers.', 'exact'),
      orphan(0.4, 'A storm came.'),
    );

    const revised = await notebook.core.importText({ revisionOf: sourceId, text: V2 });

    const report = {
      exact: 1,
      moved: 0,
      fuzzy: 1,
      orphaned: 1,
      passages: [
        {
          id: ferry,
          status: 'fuzzy',
          score: 0.8,
          oldText: 'The ferry left at dawn.',
          newText: 'The ferry left at dusk.',
        },
        { id: calm, status: 'orphaned', score: 0.4, oldText: 'The sea was calm.' },
      ],
    };
    const versionId = notebook.core.getSource({ sourceId }).versionId;
    expect(revised).toEqual({
      status: 'revised',
      sourceId,
      title: 'Harbour',
      kind: 'text',
      versionId,
      report,
    });

    const source = notebook.core.getSource({ sourceId });
    expect(source.text).toBe(V2);
    expect(source.versionNumber).toBe(2);
    const byId = new Map(source.passages.map((passage) => [passage.id, passage]));
    const fuzzy = byId.get(ferry)!;
    expect(fuzzy).toMatchObject({ status: 'fuzzy', score: 0.8, confirmed: false });
    expect(V2.slice(fuzzy.start!, fuzzy.end!)).toBe('The ferry left at dusk.');
    // The quote stays the one the analyst marked.
    expect(fuzzy.exact).toBe('The ferry left at dawn.');
    const exact = byId.get(passengers)!;
    expect(V2.slice(exact.start!, exact.end!)).toBe('It carried forty passengers.');
    expect(byId.get(calm)).toMatchObject({
      status: 'orphaned',
      score: 0.4,
      start: null,
      end: null,
      exact: 'The sea was calm.',
      suggestion: {
        start: V2.indexOf('A storm came.'),
        end: V2.indexOf('A storm came.') + 'A storm came.'.length,
        text: 'A storm came.',
        score: 0.4,
      },
    });
    // Reading order: placed passages by position, the orphan last.
    expect(source.passages.map((passage) => passage.id)).toEqual([ferry, passengers, calm]);

    expect(notebook.core.getRevisionReport({ sourceId })).toEqual({
      sourceId,
      version: expect.objectContaining({ id: versionId, number: 2, origin: 'paste' }),
      report,
    });
  });

  it('matches placed passages from the current version and orphans from the version they were marked on', async () => {
    const { sourceId, ferry, passengers, calm } = await setUpSource();
    answerWith(
      at('The ferry left at dusk.', 'fuzzy', 0.8),
      at('It carried forty passengers.', 'exact'),
      orphan(),
    );
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    // Confirmed, the fuzzy attachment's words are the passage's words from now on.
    notebook.core.reviewPassage({ passageId: ferry, decision: 'confirm' });
    const V3 = `${V2} The sea was calm.`;
    engine.calls = [];
    engine.answer = (oldText, newText, passages) =>
      passages.map((passage) => {
        const start = newText.lastIndexOf(passage.exact);
        return start < 0
          ? { status: 'orphaned', score: 0, start: null, end: null }
          : { status: 'moved', score: 1, start, end: start + passage.exact.length };
      });

    await notebook.core.importText({ revisionOf: sourceId, text: V3 });

    // One call per version matched from: version 2 for the placed passages, with
    // their selectors described where they are now, and version 1 for the orphan.
    expect(engine.calls).toHaveLength(2);
    const fromV2 = engine.calls.find((call) => call.oldText === V2)!;
    const fromV1 = engine.calls.find((call) => call.oldText === V1)!;
    expect(fromV2.newText).toBe(V3);
    expect(fromV2.passages.map((passage) => passage.exact)).toEqual([
      'The ferry left at dusk.',
      'It carried forty passengers.',
    ]);
    for (const passage of fromV2.passages) {
      expect(V2.slice(passage.start, passage.end)).toBe(passage.exact);
      expect(V2.slice(0, passage.start).endsWith(passage.prefix)).toBe(true);
      expect(V2.slice(passage.end).startsWith(passage.suffix)).toBe(true);
    }
    expect(fromV1.passages).toEqual([
      expect.objectContaining({
        exact: 'The sea was calm.',
        start: V1.indexOf('The sea was calm.'),
        end: V1.length,
      }),
    ]);

    // The orphan came back.
    const passages = notebook.core.listPassages({ sourceId });
    const calmView = passages.find((passage) => passage.id === calm)!;
    expect(calmView).toMatchObject({ status: 'moved', score: 1 });
    expect(calmView.suggestion).toBeUndefined();
    expect(V3.slice(calmView.start!, calmView.end!)).toBe('The sea was calm.');
    expect(passages.map((passage) => passage.id)).toEqual([ferry, passengers, calm]);
  });

  it('judges an unconfirmed fuzzy passage against the quote it was marked with', async () => {
    const { sourceId, ferry } = await setUpSource();
    answerWith(at('The ferry left at dusk.', 'fuzzy', 0.8), orphan(), orphan());
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    const V3 = `${V2}\n\nMore.`;
    engine.calls = [];
    answerWith(at('The ferry left at dusk.', 'fuzzy', 0.8), orphan(), orphan());

    const revised = await notebook.core.importText({ revisionOf: sourceId, text: V3 });

    // The guessed words were left unchanged, yet the passage stays fuzzy, in the report.
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]!.oldText).toBe(V1);
    expect(engine.calls[0]!.passages[0]).toMatchObject({
      exact: 'The ferry left at dawn.',
      start: V1.indexOf('The ferry'),
    });
    expect(revised.status === 'revised' && revised.report.passages[0]).toEqual({
      id: ferry,
      status: 'fuzzy',
      score: 0.8,
      oldText: 'The ferry left at dawn.',
      newText: 'The ferry left at dusk.',
    });
  });

  it('reports the words a moved passage stood on before and stands on now', async () => {
    const { sourceId, ferry } = await setUpSource();
    answerWith(at('The ferry left at dusk.', 'moved'), orphan(), orphan());
    const revised = await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    expect(revised.status === 'revised' && revised.report.passages[0]).toEqual({
      id: ferry,
      status: 'moved',
      score: 1,
      oldText: 'The ferry left at dawn.',
      newText: 'The ferry left at dusk.',
    });
  });

  it('forgets a confirmation when a later version re-anchors the passage', async () => {
    const { sourceId, ferry } = await setUpSource();
    answerWith(at('The ferry left at dusk.', 'fuzzy', 0.8), orphan(), orphan());
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    expect(notebook.core.reviewPassage({ passageId: ferry, decision: 'confirm' })).toMatchObject({
      status: 'fuzzy',
      confirmed: true,
    });
    answerWith(at('The ferry left at dusk.', 'fuzzy', 0.7), orphan(), orphan());
    await notebook.core.importText({ revisionOf: sourceId, text: `${V2}\n\nMore.` });
    expect(notebook.core.getPassage({ passageId: ferry })).toMatchObject({
      status: 'fuzzy',
      score: 0.7,
      confirmed: false,
    });
  });

  it('re-indexes the source under the new text', async () => {
    const { sourceId } = await setUpSource();
    answerWith(orphan(), orphan(), orphan());
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    const sources = (query: string) =>
      notebook.core.search({ query: `${query} type:source` }).map((hit) => hit.id);
    expect(sources('storm')).toEqual([sourceId]);
    expect(sources('calm')).toEqual([]);
  });

  it('works for a source without passages, and from a file', async () => {
    const { sourceId } = await notebook.core.importText({ text: V1 });
    const revised = await notebook.core.importFile({
      fileName: 'harbour-v2.txt',
      contentBase64: Buffer.from(V2).toString('base64'),
      revisionOf: sourceId,
    });
    expect(revised).toMatchObject({
      status: 'revised',
      report: { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, passages: [] },
    });
    expect(engine.calls).toEqual([]);
    expect(notebook.core.getSource({ sourceId }).versions).toEqual([
      expect.objectContaining({ number: 1, origin: 'paste', fileName: null }),
      expect.objectContaining({
        number: 2,
        origin: 'file',
        fileName: 'harbour-v2.txt',
        charCount: V2.length,
      }),
    ]);
  });
});

describe('what a new version refuses', () => {
  it('text one of the versions holds is a duplicate, and nothing is written', async () => {
    const { sourceId } = await setUpSource();
    answerWith(orphan(), orphan(), orphan());
    await notebook.core.importText({ revisionOf: sourceId, text: V2 });
    const before = counts();
    for (const text of [V2, V1, `${V1}\r\n`]) {
      expect(await notebook.core.importText({ revisionOf: sourceId, text })).toEqual({
        status: 'duplicate',
        sourceId,
        title: 'Harbour',
        kind: 'text',
      });
    }
    expect(counts()).toEqual(before);
    expect(notebook.core.getSource({ sourceId }).versionNumber).toBe(2);
  });

  it("another source's text is still a new version of the one named", async () => {
    const { sourceId } = await notebook.core.importText({ text: V1 });
    const other = await notebook.core.importText({ text: V2 });
    expect(await notebook.core.importText({ revisionOf: sourceId, text: V2 })).toMatchObject({
      status: 'revised',
      sourceId,
    });
    expect(notebook.core.getSource({ sourceId: other.sourceId }).text).toBe(V2);
  });

  it('a missing source is not_found', async () => {
    await setUpSource();
    const before = counts();
    const error = await expectDossierRejection(
      () => notebook.core.importText({ revisionOf: '99', text: V2 }),
      'not_found',
    );
    expect(error.message).toBe('No source with id 99');
    expect(counts()).toEqual(before);
  });

  it('empty text is refused before anything else', async () => {
    const { sourceId } = await setUpSource();
    await expectDossierRejection(
      () => notebook.core.importText({ revisionOf: sourceId, text: ' \n ' }),
      'unsupported',
    );
  });

  const badAnswers: Array<[string, Reanchored[]]> = [
    ['a range outside the text', [{ status: 'exact', score: 1, start: 0, end: 10_000 }]],
    ['an empty range', [{ status: 'moved', score: 1, start: 5, end: 5 }]],
    ['a score above 1', [{ status: 'fuzzy', score: 1.5, start: 0, end: 5 }]],
    [
      'a suggestion outside the text',
      [
        {
          status: 'orphaned',
          score: 0.2,
          start: null,
          end: null,
          suggestion: { start: -1, end: 4, score: 0.2 },
        },
      ],
    ],
    ['no answer', []],
  ];
  for (const [what, answer] of badAnswers) {
    it(`an engine answer with ${what} stops the import and writes nothing`, async () => {
      const { sourceId } = await notebook.core.importText({ text: V1 });
      const { passageId } = notebook.core.markPassage({ sourceId, quote: 'The sea was calm.' });
      const before = counts();
      engine.answer = () => answer;
      await expectDossierRejection(
        () => notebook.core.importText({ revisionOf: sourceId, text: V2 }),
        'internal',
      );
      expect(counts()).toEqual(before);
      expect(notebook.core.getSource({ sourceId }).text).toBe(V1);
      expect(notebook.core.getPassage({ passageId })).toMatchObject({ status: 'exact' });
    });
  }
});
