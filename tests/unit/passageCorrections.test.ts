/**
 * The analyst's corrections after a new version: re-attaching a passage and
 * confirming or rejecting a fuzzy one. The engine is scripted, so each test
 * starts from the statuses it needs.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerWith, at, engine, orphan } from './support/scriptedEngine';
import { expectDossierError, useTempCore } from './support/tempCore';

vi.mock('../../src/core/anchoring/reanchor', () => import('./support/scriptedEngine'));

const notebook = useTempCore();
beforeEach(() => engine.reset());

const V1 = 'Harbour\n\nThe ferry left at dawn. It carried forty passengers. The sea was calm.';
const V2 = 'Harbour\n\nThe ferry left at dusk. It carried forty-two passengers. The sea was flat.';

/** A source revised once: a fuzzy passage, an orphan with a suggestion, an exact one. */
async function revisedSource() {
  const { sourceId } = await notebook.core.importText({ text: V1 });
  const mark = (quote: string) => notebook.core.markPassage({ sourceId, quote }).passageId;
  const ferry = mark('The ferry left at dawn.');
  const passengers = mark('It carried forty passengers.');
  const calm = mark('The sea was calm.');
  const { noteId } = notebook.core.createNote({ title: 'Sea', passageIds: [calm] });
  answerWith(
    at('The ferry left at dusk.', 'fuzzy', 0.8),
    orphan(0.45, 'It carried forty-two passengers.'),
    at('The sea was flat.', 'fuzzy', 0.7),
  );
  await notebook.core.importText({ revisionOf: sourceId, text: V2 });
  return { sourceId, ferry, passengers, calm, noteId };
}

describe('reattachPassage', () => {
  it("accepts an orphan's suggestion: exact there, score 1, its quote re-described", async () => {
    const { passengers } = await revisedSource();
    const orphanView = notebook.core.getPassage({ passageId: passengers });
    expect(orphanView.suggestion).toMatchObject({ text: 'It carried forty-two passengers.' });
    const { start, end } = orphanView.suggestion!;

    const view = notebook.core.reattachPassage({ passageId: passengers, start, end });

    expect(view).toMatchObject({
      id: passengers,
      status: 'exact',
      score: 1,
      start,
      end,
      exact: 'It carried forty-two passengers.',
      prefix: expect.stringMatching(/at dusk\. $/),
      suffix: expect.stringMatching(/^ The sea was flat\./),
      versionNumber: 2,
      originalExact: 'It carried forty passengers.',
      confirmed: false,
    });
    expect(view.suggestion).toBeUndefined();
    expect(notebook.core.getPassage({ passageId: passengers })).toEqual(view);
    // Searched under its new words.
    const passageHits = (query: string) =>
      notebook.core.search({ query: `${query} type:passage` }).map((hit) => hit.id);
    expect(passageHits('"forty-two passengers"')).toEqual([passengers]);
  });

  it('re-attaches any passage to words the analyst selects, tidied like a selection; note links stay', async () => {
    const { calm, noteId } = await revisedSource();
    const start = V2.indexOf('The sea');
    const view = notebook.core.reattachPassage({
      passageId: calm,
      start: start - 1,
      end: V2.length,
    });
    expect(V2.slice(view.start!, view.end!)).toBe('The sea was flat.');
    expect(view).toMatchObject({
      status: 'exact',
      noteIds: [noteId],
      originalExact: 'The sea was calm.',
    });
    expect(notebook.core.getNote({ noteId }).passageIds).toEqual([calm]);

    // Re-attached again, it keeps the words it was first marked on.
    const again = notebook.core.reattachPassage({ passageId: calm, start: start, end: start + 7 });
    expect(again).toMatchObject({ exact: 'The sea', originalExact: 'The sea was calm.' });
  });

  it('the re-attached passage is matched from its new words on the next version', async () => {
    const { sourceId, passengers } = await revisedSource();
    const { start, end } = notebook.core.getPassage({ passageId: passengers }).suggestion!;
    notebook.core.reattachPassage({ passageId: passengers, start, end });
    engine.calls = [];
    engine.answer = (_old, _new, passages) =>
      passages.map(() => ({ status: 'orphaned', score: 0, start: null, end: null }));
    await notebook.core.importText({ revisionOf: sourceId, text: `${V2}\n\nLater.` });
    const fromV2 = engine.calls.find((call) => call.oldText === V2)!;
    expect(fromV2.passages.map((p) => p.exact)).toContain('It carried forty-two passengers.');
  });

  it('refuses a range outside the current text, and a missing passage', async () => {
    const { ferry } = await revisedSource();
    const before = notebook.core.getPassage({ passageId: ferry });
    expectDossierError(
      () => notebook.core.reattachPassage({ passageId: ferry, start: 5, end: V2.length + 1 }),
      'invalid_argument',
    );
    expectDossierError(
      () => notebook.core.reattachPassage({ passageId: ferry, start: 7, end: 9 }),
      'invalid_argument',
    );
    expect(notebook.core.getPassage({ passageId: ferry })).toEqual(before);
    const missing = expectDossierError(
      () => notebook.core.reattachPassage({ passageId: '999', start: 0, end: 3 }),
      'not_found',
    );
    expect(missing.message).toBe('No passage with id 999');
  });
});

describe('reviewPassage', () => {
  it('confirm keeps the fuzzy attachment and marks it confirmed', async () => {
    const { ferry } = await revisedSource();
    const view = notebook.core.reviewPassage({ passageId: ferry, decision: 'confirm' });
    expect(view).toMatchObject({ status: 'fuzzy', score: 0.8, confirmed: true });
    expect(V2.slice(view.start!, view.end!)).toBe('The ferry left at dusk.');
    // Confirming twice changes nothing.
    expect(notebook.core.reviewPassage({ passageId: ferry, decision: 'confirm' })).toEqual(view);
  });

  it('reject makes an orphan that suggests the rejected place', async () => {
    const { calm, noteId } = await revisedSource();
    const fuzzy = notebook.core.getPassage({ passageId: calm });
    const view = notebook.core.reviewPassage({ passageId: calm, decision: 'reject' });
    expect(view).toMatchObject({
      status: 'orphaned',
      start: null,
      end: null,
      score: 0.7,
      confirmed: false,
      exact: 'The sea was calm.',
      noteIds: [noteId],
      suggestion: { start: fuzzy.start, end: fuzzy.end, text: 'The sea was flat.', score: 0.7 },
    });
    // The orphan is listed after the placed passages.
    const { sourceId } = fuzzy;
    expect(notebook.core.listPassages({ sourceId }).map((p) => p.status)).toEqual([
      'fuzzy',
      'orphaned',
      'orphaned',
    ]);
  });

  it('a confirmed attachment can still be rejected', async () => {
    const { ferry } = await revisedSource();
    notebook.core.reviewPassage({ passageId: ferry, decision: 'confirm' });
    expect(notebook.core.reviewPassage({ passageId: ferry, decision: 'reject' })).toMatchObject({
      status: 'orphaned',
      confirmed: false,
    });
  });

  it('refuses what is not fuzzy (conflict) and a missing passage (not_found)', async () => {
    const { sourceId, passengers } = await revisedSource();
    const orphanError = expectDossierError(
      () => notebook.core.reviewPassage({ passageId: passengers, decision: 'confirm' }),
      'conflict',
    );
    expect(orphanError.message).toContain('is an orphan, not a fuzzy attachment');
    const exact = notebook.core.markPassage({ sourceId, quote: 'Harbour' });
    expectDossierError(
      () => notebook.core.reviewPassage({ passageId: exact.passageId, decision: 'reject' }),
      'conflict',
    );
    expectDossierError(
      () => notebook.core.reviewPassage({ passageId: '999', decision: 'confirm' }),
      'not_found',
    );
  });
});
