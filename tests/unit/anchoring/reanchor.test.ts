/**
 * Re-anchoring on small hand-written revisions (tests/fixtures/anchoring): one row
 * per passage, with what must become of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reanchorPassages, type Reanchored } from '../../../src/core/anchoring/reanchor';
import { describeQuote } from '../../../src/core/passages/describeQuote';
import { repoRoot } from '../../support/sharedData';

const fixtures = path.join(repoRoot, 'tests/fixtures/anchoring');

function fixture(name: string): string {
  return fs.readFileSync(path.join(fixtures, name), 'utf8');
}

type Expected =
  | { status: 'exact' | 'moved' | 'fuzzy'; text: string }
  | { status: 'orphaned'; suggestion?: string };

interface Row {
  name: string;
  /** The fixture's base name: `<revision>` is read from `<base>.<revision>.txt`. */
  base: string;
  revision: string;
  quote: string;
  /** Which occurrence of the quote in the old text (1-based), when it occurs more than once. */
  occurrence?: number;
  expected: Expected;
}

const rows: Row[] = [
  // Paragraphs inserted before and after.
  row(
    'harbour',
    'inserted',
    'a title before every insertion',
    'Harbour reopens after storm repairs',
    {
      status: 'exact',
      text: 'Harbour reopens after storm repairs',
    },
  ),
  same(
    'harbour',
    'inserted',
    'a clause after an inserted paragraph',
    'the harbour authority said in a statement',
  ),
  same(
    'harbour',
    'inserted',
    'a quote spanning two paragraphs',
    'Fishing boats returned to their moorings before dawn.\n\n"We are grateful for everyone\'s patience,"',
  ),
  same(
    'harbour',
    'inserted',
    'a sentence after a paragraph inserted right before it',
    'A café owner on the quay said trade had fallen by half while the harbour was closed.',
  ),
  same(
    'harbour',
    'inserted',
    'the last sentence, with a paragraph added after it',
    'The council will meet on Thursday to discuss how to pay for the work.',
  ),
  // Words edited inside and around the quote.
  row(
    'harbour',
    'edited',
    'a word edited inside',
    'She added that the north pier would stay closed until the end of the month.',
    {
      status: 'fuzzy',
      text: 'She added that the northern pier would stay closed until the end of the month.',
    },
  ),
  row(
    'harbour',
    'edited',
    'a word edited inside, words added after',
    'the harbour authority said in a statement',
    { status: 'fuzzy', text: 'the port authority said in a statement' },
  ),
  row(
    'harbour',
    'edited',
    'another word edited inside',
    'A café owner on the quay said trade had fallen by half while the harbour was closed.',
    {
      status: 'fuzzy',
      text: 'A café owner on the quay said trade had dropped by half while the harbour was closed.',
    },
  ),
  same(
    'harbour',
    'edited',
    'words edited before it',
    'Fishing boats returned to their moorings before dawn.',
  ),
  same(
    'harbour',
    'edited',
    'words edited after it',
    'Engineers found cracks in two of the older breakwaters during the inspection.',
  ),
  // Whitespace and quote marks.
  row(
    'harbour',
    'typography',
    'curly quotes and an extra blank line in a two-paragraph quote',
    'Fishing boats returned to their moorings before dawn.\n\n"We are grateful for everyone\'s patience,"',
    {
      status: 'moved',
      text: 'Fishing boats returned to their moorings before dawn.\n\n\n“We are grateful for everyone’s patience,”',
    },
  ),
  row(
    'harbour',
    'typography',
    'a no-break space',
    'She added that the north pier would stay closed',
    {
      status: 'moved',
      text: 'She added that the north\u00a0pier would stay closed',
    },
  ),
  row(
    'harbour',
    'typography',
    'a hyphen become an em dash',
    'The repairs cost about 4.2 million euros - more than the council had set aside.',
    {
      status: 'moved',
      text: 'The repairs cost about 4.2 million euros — more than the council had set aside.',
    },
  ),
  row(
    'harbour',
    'typography',
    'a doubled space',
    'Local businesses welcomed the news. A café owner',
    {
      status: 'moved',
      text: 'Local businesses welcomed the news.  A café owner',
    },
  ),
  // Paragraphs reordered.
  same(
    'harbour',
    'reordered',
    'a paragraph moved to the end',
    'Engineers found cracks in two of the older breakwaters during the inspection.',
  ),
  same(
    'harbour',
    'reordered',
    'a paragraph moved up',
    'A café owner on the quay said trade had fallen by half while the harbour was closed.',
  ),
  row(
    'harbour',
    'reordered',
    'a paragraph that stayed',
    "The city's main harbour reopened on Monday",
    {
      status: 'exact',
      text: "The city's main harbour reopened on Monday",
    },
  ),
  // The quoted sentence deleted.
  gone(
    'harbour',
    'deleted',
    'a deleted sentence',
    'She added that the north pier would stay closed until the end of the month.',
  ),
  gone(
    'harbour',
    'deleted',
    'a sentence of a deleted paragraph',
    'A café owner on the quay said trade had fallen by half while the harbour was closed.',
  ),
  gone('harbour', 'deleted', 'a short deleted sentence', 'Local businesses welcomed the news.'),
  same('harbour', 'deleted', 'a sentence after the deletions', 'The council will meet on Thursday'),
  // Lookalike paragraphs: the deleted one never goes to the one that remains.
  row(
    'league',
    'new',
    'Team Alpha, deleted, beside Team Beta',
    'Team Alpha won the match on Sunday after a late goal from their captain.',
    {
      status: 'orphaned',
      suggestion: 'Team Beta won the match on Saturday after a late goal from their captain.',
    },
  ),
  same('league', 'new', 'Team Beta, kept', 'Team Beta won the match on Saturday'),
  same('league', 'new', 'the paragraph after', 'Both teams will meet in the final next month.'),
  // The same phrase twice, one deleted: the right one, or orphaned.
  gone(
    'twice',
    'first-deleted',
    'the first occurrence, deleted',
    'The budget will be balanced by next year.',
    1,
  ),
  same(
    'twice',
    'first-deleted',
    'the second occurrence, kept',
    'The budget will be balanced by next year.',
    2,
  ),
  row(
    'twice',
    'second-deleted',
    'the first occurrence, kept',
    'The budget will be balanced by next year.',
    { status: 'exact', text: 'The budget will be balanced by next year.' },
    1,
  ),
  gone(
    'twice',
    'second-deleted',
    'the second occurrence, deleted',
    'The budget will be balanced by next year.',
    2,
  ),
  // Persian: ZWNJ dropped, Arabic yeh for Persian yeh, a word edited, a sentence deleted.
  row(
    'persian',
    'new',
    'Persian with ZWNJ and yeh changes',
    'سازمان هواشناسی می‌گوید که رانندگان باید با احتیاط حرکت کنند.',
    { status: 'moved', text: 'سازمان هواشناسي ميگويد که رانندگان باید با احتیاط حرکت کنند.' },
  ),
  row(
    'persian',
    'new',
    'Persian with a word edited',
    'باران شدید از صبح امروز در تهران آغاز شد و تا عصر ادامه خواهد داشت.',
    { status: 'fuzzy', text: 'باران شدید از صبح امروز در تهران آغاز شد و تا شب ادامه خواهد داشت.' },
  ),
  gone('persian', 'new', 'a deleted Persian sentence', 'مدارس در چند شهر شمالی تعطیل شده‌اند.'),
  same('persian', 'new', 'a Persian sentence kept', 'مقامات محلی از مردم خواستند'),
  // Arabic: harakat added, a word edited.
  row('arabic', 'new', 'Arabic with harakat added', 'إن المفاوضات ستستأنف الأسبوع المقبل.', {
    status: 'moved',
    text: 'إن المفاوضاتِ ستُستأنف الأسبوعَ المقبل.',
  }),
  row(
    'arabic',
    'new',
    'Arabic with a word edited',
    'وأضاف أن الوفد سيصل يوم الاثنين إلى العاصمة.',
    {
      status: 'fuzzy',
      text: 'وأضاف أن الوفد سيصل يوم الثلاثاء إلى العاصمة.',
    },
  ),
  // Hebrew: niqqud added, a word added inside, a paragraph inserted before.
  row('hebrew', 'new', 'Hebrew with niqqud added', 'שר האוצר אמר כי הגירעון יקטן בשנה הבאה.', {
    status: 'moved',
    text: 'שר האוצר אָמַר כי הגירעון יקטן בשנה הבאה.',
  }),
  row('hebrew', 'new', 'Hebrew with a word added', 'הממשלה אישרה את התקציב החדש לאחר דיון ארוך.', {
    status: 'fuzzy',
    text: 'הממשלה אישרה את התקציב החדש לאחר דיון ארוך מאוד.',
  }),
  same(
    'hebrew',
    'new',
    'a Hebrew paragraph kept',
    'האופוזיציה טענה שהתקציב אינו מספיק לחינוך ולבריאות.',
  ),
  // Emoji and combining marks: ends never inside a cluster.
  same('emoji', 'new', 'a quote ending with a ZWJ sequence', 'Fans shared photos 👩‍👩‍👧'),
  row('emoji', 'new', 'a quote ending with a flag, edited', 'of the parade 🇮🇷', {
    status: 'fuzzy',
    text: 'of the big parade 🇮🇷',
  }),
  same('emoji', 'new', 'a quote with a skin-tone emoji', 'cheered 👍🏽 all afternoon.'),
  row(
    'emoji',
    'new',
    'precomposed letters become combining marks',
    'crème brûlée to visitors from Hà Nội.',
    {
      status: 'moved',
      text: 'crème brûlée to visitors from Hà Nội.'.normalize('NFD'),
    },
  ),
];

function row(
  base: string,
  revision: string,
  name: string,
  quote: string,
  expected: Expected,
  occurrence?: number,
): Row {
  return { name, base, revision, quote, expected, ...(occurrence ? { occurrence } : {}) };
}

/** The quote, unchanged, at other offsets. */
function same(
  base: string,
  revision: string,
  name: string,
  quote: string,
  occurrence?: number,
): Row {
  return row(base, revision, name, quote, { status: 'moved', text: quote }, occurrence);
}

function gone(
  base: string,
  revision: string,
  name: string,
  quote: string,
  occurrence?: number,
): Row {
  return row(base, revision, name, quote, { status: 'orphaned' }, occurrence);
}

function passageFor(text: string, quote: string, occurrence = 1) {
  let start = -1;
  for (let n = 0; n < occurrence; n++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`fixture lacks occurrence ${occurrence} of: ${quote}`);
  const end = start + quote.length;
  return { start, end, ...describeQuote(text, start, end) };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function isGraphemeBoundary(text: string, at: number): boolean {
  if (at === 0 || at === text.length) return true;
  return graphemes.segment(text).containing(at)?.index === at;
}

/** What every result must be, whatever the case. */
function expectWellFormed(result: Reanchored, newText: string): void {
  if (result.status === 'orphaned') {
    expect(result.start).toBeNull();
    expect(result.end).toBeNull();
    return;
  }
  const { start, end } = result;
  expect(start).not.toBeNull();
  expect(end).not.toBeNull();
  expect(result.suggestion).toBeUndefined();
  expect(0 <= start! && start! < end! && end! <= newText.length).toBe(true);
  expect(isGraphemeBoundary(newText, start!)).toBe(true);
  expect(isGraphemeBoundary(newText, end!)).toBe(true);
  expect(newText.slice(start!, end!)).toBe(newText.slice(start!, end!).trim());
  if (result.status === 'fuzzy') expect(result.score).toBeGreaterThan(0);
  else expect(result.score).toBe(1);
}

describe('reanchorPassages on hand-written revisions', () => {
  it.each(rows.map((r) => [`${r.base}.${r.revision}: ${r.name}`, r] as const))('%s', (_, r) => {
    const oldText = fixture(`${r.base}.old.txt`);
    const newText = fixture(`${r.base}.${r.revision}.txt`);
    const [result] = reanchorPassages(oldText, newText, [
      passageFor(oldText, r.quote, r.occurrence),
    ]);
    expect(result).toBeDefined();
    expectWellFormed(result!, newText);
    const { expected } = r;
    if (expected.status === 'orphaned') {
      expect(result!.status).toBe('orphaned');
      if (expected.suggestion) {
        const suggested = result!.suggestion;
        expect(suggested).toBeDefined();
        // A suggestion need not have exact ends; it must point at the lookalike.
        const at = newText.indexOf(expected.suggestion);
        expect(suggested!.start < at + expected.suggestion.length && at < suggested!.end).toBe(
          true,
        );
        expect(result!.score).toBe(suggested!.score);
      }
      return;
    }
    // Text whose offsets moved is `moved`; same offsets and text, `exact`.
    const status =
      expected.status === 'moved' && result!.status === 'exact' ? 'exact' : result!.status;
    expect(status).toBe(expected.status);
    expect(newText.slice(result!.start!, result!.end!)).toBe(expected.text);
  });

  it('re-anchors all passages of a call in one go, in their order', () => {
    const oldText = fixture('harbour.old.txt');
    const newText = fixture('harbour.reordered.txt');
    const quotes = [
      'The council will meet on Thursday',
      'Engineers found cracks',
      'Harbour reopens after storm repairs',
    ];
    const results = reanchorPassages(
      oldText,
      newText,
      quotes.map((q) => passageFor(oldText, q)),
    );
    expect(results.map((r) => newText.slice(r.start ?? 0, r.end ?? 0))).toEqual(quotes);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'exact']);
  });

  it('answers an empty list with an empty list, and an invisible quote with an orphan', () => {
    expect(reanchorPassages('a', 'b', [])).toEqual([]);
    const oldText = 'Before\u200b after';
    const [result] = reanchorPassages(oldText, oldText, [
      { start: 6, end: 7, exact: '\u200b', prefix: 'Before', suffix: ' after' },
    ]);
    expect(result).toEqual({ status: 'orphaned', score: 0, start: null, end: null });
  });

  it('finds a passage whose stored offsets are stale by its quote', () => {
    const oldText = 'First line.\n\nThe quoted sentence is here.\n\nLast line.';
    const newText = 'First line, longer now.\n\nThe quoted sentence is here.\n\nLast line.';
    const quote = describeQuote(oldText, 13, 41);
    const [result] = reanchorPassages(oldText, newText, [{ ...quote, start: 0, end: 28 }]);
    expect(result?.status).toBe('moved');
    expect(newText.slice(result?.start ?? 0, result?.end ?? 0)).toBe(quote.exact);
  });

  it('keeps exact passages exact when nothing changed', () => {
    const text = fixture('harbour.old.txt');
    const quotes = [
      'Harbour reopens',
      'the authority’s director'.replace('’', "'"),
      'pay for the work.',
    ];
    const results = reanchorPassages(
      text,
      text,
      quotes.map((q) => passageFor(text, q)),
    );
    expect(results.map((r) => r.status)).toEqual(['exact', 'exact', 'exact']);
  });
});
