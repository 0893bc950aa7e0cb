import { describe, expect, it } from 'vitest';
import { tidyRange } from '../../src/core/passages/locateRange';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

async function importSource(text: string): Promise<string> {
  const outcome = await notebook.core.importText({ text });
  if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  return outcome.sourceId!;
}

describe('tidyRange', () => {
  it('trims surrounding whitespace', () => {
    expect(tidyRange('  hello world  ', 0, 15)).toEqual([2, 13]);
  });

  it('widens to whole grapheme clusters', () => {
    const text = 'flag 🇮🇷 and café'; // 'é' written as e + combining acute
    const decomposed = text.replace('é', 'e\u0301');
    const flagStart = decomposed.indexOf('🇮🇷');
    expect(tidyRange(decomposed, flagStart + 1, flagStart + 3)).toEqual([flagStart, flagStart + 4]);
    const e = decomposed.indexOf('e\u0301');
    expect(tidyRange(decomposed, e - 3, e + 1)).toEqual([e - 3, e + 2]);
  });

  it('widens to whole clusters at line ends, the start of the text and in a long text', () => {
    const line = 'word '.repeat(2000);
    const text = `🇮🇷 first\n${line}\n${line}e\u0301 and 🇫🇷\nlast`;
    expect(tidyRange(text, 1, 4)).toEqual([0, 4]);
    const flag = text.indexOf('🇫🇷');
    expect(tidyRange(text, flag - 4, flag + 1)).toEqual([flag - 4, flag + 4]);
    const accent = text.indexOf('e\u0301');
    expect(tidyRange(text, accent - 5, accent + 1)).toEqual([accent - 5, accent + 2]);
  });

  it('refuses empty, whitespace-only and out-of-range selections', () => {
    expectDossierError(() => tidyRange('abc', 2, 2), 'invalid_argument');
    expectDossierError(() => tidyRange('a   b', 1, 4), 'invalid_argument');
    expectDossierError(() => tidyRange('abc', 1, 4), 'invalid_argument');
  });
});

describe('markPassage', () => {
  it('marks by offsets and stores a quote selector with context', async () => {
    const sourceId = await importSource('Title\n\nThe quick brown fox jumps over the lazy dog.');
    const text = notebook.core.getSource({ sourceId }).text;
    const start = text.indexOf('brown');
    const marked = notebook.core.markPassage({ sourceId, start: start - 1, end: start + 10 });
    expect(text.slice(marked.start, marked.end)).toBe('brown fox');

    const passage = notebook.core.getPassage({ passageId: marked.passageId });
    expect(passage).toMatchObject({
      id: marked.passageId,
      sourceId,
      exact: 'brown fox',
      prefix: 'Title\n\nThe quick ',
      suffix: ' jumps over the lazy dog.',
      start: marked.start,
      end: marked.end,
      status: 'exact',
      noteIds: [],
    });
  });

  it('returns the existing passage when the same range is marked again', async () => {
    const sourceId = await importSource('Title\n\nOne sentence here.');
    const first = notebook.core.markPassage({ sourceId, quote: 'sentence' });
    const text = notebook.core.getSource({ sourceId }).text;
    const again = notebook.core.markPassage({ sourceId, start: first.start, end: first.end + 1 });
    expect(text.slice(first.start, first.end + 1)).toBe('sentence ');
    expect(again).toEqual({ ...first, created: false });
    expect(first.created).toBe(true);
    expect(notebook.core.getSource({ sourceId }).passages).toHaveLength(1);
  });

  it('finds a quote despite curly quotes, dashes, case and different whitespace', async () => {
    const sourceId = await importSource('Title\n\nHe said “don’t   wait” — and left.\nThen  more.');
    const text = notebook.core.getSource({ sourceId }).text;
    const marked = notebook.core.markPassage({ sourceId, quote: 'said "DON\'T wait" - and' });
    expect(text.slice(marked.start, marked.end)).toBe('said “don’t   wait” — and');
    const across = notebook.core.markPassage({ sourceId, quote: 'left. then more' });
    expect(text.slice(across.start, across.end)).toBe('left.\nThen  more');
  });

  it('finds a quote without harakat or soft hyphens and keeps them in the passage', async () => {
    const sourceId = await importSource(
      'عنوان\n\nقال: كَتَبَ الولدُ الدرسَ. More in\u00ADformation here.',
    );
    const text = notebook.core.getSource({ sourceId }).text;
    const arabic = notebook.core.markPassage({ sourceId, quote: 'كتب الولد' });
    expect(text.slice(arabic.start, arabic.end)).toBe('كَتَبَ الولدُ');
    const hyphenated = notebook.core.markPassage({ sourceId, quote: 'information' });
    expect(text.slice(hyphenated.start, hyphenated.end)).toBe('in\u00ADformation');
  });

  it('refuses an unknown quote, an ambiguous one, and an occurrence out of range', async () => {
    const sourceId = await importSource('Title\n\nthe cat sat; the cat ran; the dog slept.');
    const missing = expectDossierError(
      () => notebook.core.markPassage({ sourceId, quote: 'the bird' }),
      'not_found',
    );
    expect(missing.message).toBe('The quote was not found in the text: "the bird"');
    const ambiguous = expectDossierError(
      () => notebook.core.markPassage({ sourceId, quote: 'the cat' }),
      'invalid_argument',
    );
    expect(ambiguous.message).toContain('occurs 2 times; pass occurrence 1..2');
    expectDossierError(
      () => notebook.core.markPassage({ sourceId, quote: 'the cat', occurrence: 3 }),
      'invalid_argument',
    );

    const text = notebook.core.getSource({ sourceId }).text;
    const second = notebook.core.markPassage({ sourceId, quote: 'the cat', occurrence: 2 });
    expect(second.start).toBe(text.lastIndexOf('the cat'));
    const passage = notebook.core.getPassage({ passageId: second.passageId });
    // The context tells the two occurrences apart.
    expect(text.split(passage.prefix + passage.exact + passage.suffix)).toHaveLength(2);
  });

  it('refuses offsets outside the text and an unknown source', async () => {
    const sourceId = await importSource('Title\n\nshort');
    expectDossierError(
      () => notebook.core.markPassage({ sourceId, start: 0, end: 1000 }),
      'invalid_argument',
    );
    expectDossierError(
      () => notebook.core.markPassage({ sourceId: '99', start: 0, end: 1 }),
      'not_found',
    );
  });

  it('lists passages in reading order in getSource', async () => {
    const sourceId = await importSource('Title\n\nalpha beta gamma delta');
    notebook.core.markPassage({ sourceId, quote: 'gamma' });
    notebook.core.markPassage({ sourceId, quote: 'alpha' });
    const exacts = notebook.core.getSource({ sourceId }).passages.map((passage) => passage.exact);
    expect(exacts).toEqual(['alpha', 'gamma']);
  });

  it("lists a source's passages with their backlinks alone, and knows a missing source", async () => {
    const sourceId = await importSource('Title\n\nalpha beta gamma delta');
    const gamma = notebook.core.markPassage({ sourceId, quote: 'gamma' });
    notebook.core.markPassage({ sourceId, quote: 'alpha' });
    const { noteId } = notebook.core.createNote({
      title: 'On gamma',
      passageIds: [gamma.passageId],
    });

    const listed = notebook.core.listPassages({ sourceId });
    expect(listed).toEqual(notebook.core.getSource({ sourceId }).passages);
    expect(listed.map((passage) => [passage.exact, passage.noteIds])).toEqual([
      ['alpha', []],
      ['gamma', [noteId]],
    ]);
    expectDossierError(() => notebook.core.listPassages({ sourceId: '999' }), 'not_found');
  });
});

describe('deletePassage', () => {
  it('deletes an unlinked passage', async () => {
    const sourceId = await importSource('Title\n\nsome words');
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'words' });
    expect(notebook.core.deletePassage({ passageId })).toEqual({ deleted: true });
    expectDossierError(() => notebook.core.getPassage({ passageId }), 'not_found');
    expectDossierError(() => notebook.core.deletePassage({ passageId }), 'not_found');
  });

  it('refuses while notes link to it, counting notes in the trash too', async () => {
    const sourceId = await importSource('Title\n\nsome words');
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'words' });
    notebook.core.createNote({ title: 'One', passageIds: [passageId] });
    const { noteId } = notebook.core.createNote({ title: 'Two', passageIds: [passageId] });
    notebook.core.deleteNote({ noteId });

    const error = expectDossierError(() => notebook.core.deletePassage({ passageId }), 'conflict');
    expect(error.message).toContain('linked from 2 notes (1 of them in the trash)');
    expect(notebook.core.getPassage({ passageId }).exact).toBe('words');
  });
});
