/**
 * `npm run bench -- anchoring`: re-anchoring passages on revised articles, Dossier's
 * engine (src/core/anchoring) beside a Hypothesis-style matcher run on the same
 * cases in the same run. Prints tables; asserts nothing.
 *
 * Material: revision cases generated from Mozilla Readability's pages and the sample
 * article in ../shared (tests/unit/anchoring/revisionCases.ts: each case knows where
 * its passages are in the new text, or that they are gone), and one long article
 * made of all the pages, revised many times over, with 1,000 passages.
 *
 * DOSSIER_BENCH_SEEDS (default 2) sets how many rounds of cases are generated.
 */
import approxSearch from 'approx-string-match';
import {
  reanchorPassages,
  type AnchoredPassage,
  type Reanchored,
} from '../src/core/anchoring/reanchor';
import { fillersFrom, loadRealPages, type RealPage } from '../tests/unit/anchoring/realPages';
import {
  EDIT_KINDS,
  generateLargeRevision,
  generateRevisionCases,
  judgeOutcome,
  type Outcome,
  type RevisionCase,
} from '../tests/unit/anchoring/revisionCases';

const SEEDS = Number(process.env.DOSSIER_BENCH_SEEDS ?? 2);
const LARGE_PASSAGES = 1_000;
const LARGE_CHARS = 1_000_000;
const LARGE_RUNS = 5;

type Anchor = Pick<Reanchored, 'status' | 'start' | 'end'>;

interface Engine {
  name: string;
  /** All passages of one revision at once (as Dossier does after an import). */
  run(revision: RevisionCase): Anchor[];
}

const dossier: Engine = {
  name: 'Dossier',
  run: (revision) => reanchorPassages(revision.oldText, revision.newText, revision.passages),
};

const hypothesis: Engine = {
  name: 'Hypothesis-style (baseline)',
  run: (revision) => revision.passages.map((p) => hypothesisAnchor(revision.newText, p)),
};

// ---------------------------------------------------------------------------
// The baseline: Hypothesis's client, as its anchoring reads (TextPosition, then
// TextQuote with match-quote's scoring). Not product code.

/** The quote at its old offsets if it is still there, else the best-scoring quote match. */
function hypothesisAnchor(text: string, passage: AnchoredPassage): Anchor {
  if (text.slice(passage.start, passage.end) === passage.exact) {
    return { status: 'exact', start: passage.start, end: passage.end };
  }
  const match = matchQuote(text, passage.exact, passage.prefix, passage.suffix, passage.start);
  if (!match) return { status: 'orphaned', start: null, end: null };
  return { status: match.errors === 0 ? 'moved' : 'fuzzy', start: match.start, end: match.end };
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

/** Exact occurrences if any, else the approximate matches with the fewest errors. */
function searchQuote(text: string, quote: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, quote, maxErrors);
}

function textMatchScore(text: string, part: string): number {
  if (part.length === 0 || text.length === 0) return 0;
  const [best] = searchQuote(text, part, part.length);
  return best ? 1 - best.errors / part.length : 0;
}

/** Quote, prefix, suffix and position weighted 50/20/20/2; the best wins, however weak. */
function matchQuote(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number,
): Match | null {
  if (quote.length === 0) return null;
  const matches = searchQuote(text, quote, Math.min(256, quote.length / 2));
  let best: (Match & { score: number }) | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1;
    const suffixScore = suffix
      ? textMatchScore(text.slice(match.end, match.end + suffix.length), suffix)
      : 1;
    const positionScore = 1 - Math.abs(match.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { ...match, score };
  }
  return best;
}

// ---------------------------------------------------------------------------
// Measuring

interface Tally {
  outcomes: Record<Outcome, number>;
  ms: number;
}

function emptyTally(): Tally {
  return {
    outcomes: { correct: 0, 'orphaned-gone': 0, imprecise: 0, wrong: 0, 'orphaned-present': 0 },
    ms: 0,
  };
}

function passagesOf(tally: Tally): number {
  return Object.values(tally.outcomes).reduce((a, b) => a + b, 0);
}

function time<T>(action: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = action();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

function summary(tally: Tally): Record<string, string> {
  const total = passagesOf(tally);
  const { outcomes } = tally;
  const right = outcomes.correct + outcomes['orphaned-gone'];
  return {
    passages: String(total),
    correct: `${right} (${percent(right, total)})`,
    'wrongly attached': String(outcomes.wrong),
    'attached, ends off': String(outcomes.imprecise),
    'orphaned, still present': String(outcomes['orphaned-present']),
    'gone, orphaned': String(outcomes['orphaned-gone']),
    'ms / anchor': (tally.ms / Math.max(1, total)).toFixed(3),
  };
}

function generateCases(pages: RealPage[]): RevisionCase[] {
  const fillers = fillersFrom(pages);
  const cases: RevisionCase[] = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    for (const page of pages)
      cases.push(...generateRevisionCases(page.id, page.text, { seed, fillers }));
  }
  return cases;
}

/** All pages one after another, then again with each sentence's words in another order, to ~1 MB. */
function longArticle(pages: RealPage[]): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < LARGE_CHARS; round++) {
    for (const page of pages) {
      const text =
        round === 0
          ? page.text
          : page.text.replace(/[^.!?\n]+/g, (sentence) => rotateWords(sentence, round));
      parts.push(text);
      length += text.length + 2;
      if (length >= LARGE_CHARS) break;
    }
  }
  return parts.join('\n\n');
}

function rotateWords(sentence: string, by: number): string {
  const words = sentence.split(' ');
  const shift = by % Math.max(1, words.length);
  return [...words.slice(shift), ...words.slice(0, shift)].join(' ');
}

export function runAnchoringBench(): void {
  const pages = loadRealPages();
  if (pages.length === 0) {
    console.log('(../shared absent: no real pages, nothing to measure)');
    return;
  }
  const cases = generateCases(pages);
  const engines = [dossier, hypothesis];
  const totals = new Map(engines.map((e) => [e.name, emptyTally()]));
  const targets = new Map(engines.map((e) => [e.name, emptyTally()]));
  const byKind = new Map<string, Map<string, Tally>>();
  // Warm both up, so the first case does not pay for compilation.
  for (const engine of engines) for (const revision of cases.slice(0, 20)) engine.run(revision);

  for (const revision of cases) {
    for (const engine of engines) {
      const [results, ms] = time(() => engine.run(revision));
      const total = totals.get(engine.name) ?? emptyTally();
      total.ms += ms;
      const kinds = byKind.get(revision.kind) ?? new Map<string, Tally>();
      byKind.set(revision.kind, kinds);
      const kind = kinds.get(engine.name) ?? emptyTally();
      kinds.set(engine.name, kind);
      results.forEach((result, i) => {
        const outcome = judgeOutcome(result, revision.truths[i] ?? null);
        total.outcomes[outcome]++;
        if (i === 0) {
          const target = targets.get(engine.name) ?? emptyTally();
          target.outcomes[outcome]++;
          kind.outcomes[outcome]++;
        }
      });
    }
  }

  const passageCount = cases.reduce((sum, c) => sum + c.passages.length, 0);
  console.log(
    `\n${cases.length} revision cases from ${pages.length} real pages (${SEEDS} seeds), ` +
      `${passageCount} passages: each case's aimed-at passage and controls elsewhere`,
  );
  console.log('\nAll passages');
  console.table(Object.fromEntries(engines.map((e) => [e.name, summary(totals.get(e.name)!)])));
  console.log('\nThe passage each edit aims at (one per case)');
  console.table(
    Object.fromEntries(
      engines.map((e) => {
        const row = summary(targets.get(e.name)!);
        delete row['ms / anchor'];
        return [e.name, row];
      }),
    ),
  );

  console.log(
    '\nBy kind of edit (aimed-at passages): correct / wrongly attached / orphaned though present',
  );
  const rows: Record<string, Record<string, string>> = {};
  for (const kind of EDIT_KINDS) {
    const kinds = byKind.get(kind);
    if (!kinds) continue;
    rows[kind] = Object.fromEntries(
      engines.map((e) => {
        const { outcomes } = kinds.get(e.name) ?? emptyTally();
        const right = outcomes.correct + outcomes['orphaned-gone'];
        return [
          e.name === dossier.name ? 'Dossier' : 'baseline',
          `${right} / ${outcomes.wrong + outcomes.imprecise} / ${outcomes['orphaned-present']}`,
        ];
      }),
    );
  }
  console.table(rows);

  largeArticle(pages);
}

/** The timing row: 1,000 passages on a ~1 MB article revised many times over. */
function largeArticle(pages: RealPage[]): void {
  const text = longArticle(pages);
  const revision = generateLargeRevision(text, {
    passages: LARGE_PASSAGES,
    fillers: fillersFrom(pages),
  });
  if (!revision) {
    console.log('(could not build the long article case)');
    return;
  }
  const runs: number[] = [];
  let results: Anchor[] = [];
  for (let run = 0; run < LARGE_RUNS; run++) {
    const [found, ms] = time(() => dossier.run(revision));
    results = found;
    runs.push(ms);
  }
  const [baselineResults, baselineMs] = time(() => hypothesis.run(revision));
  const tally = (found: Anchor[], ms: number) => {
    const t = emptyTally();
    t.ms = ms;
    found.forEach((r, i) => t.outcomes[judgeOutcome(r, revision.truths[i] ?? null)]++);
    return t;
  };
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const dossierRow = summary(tally(results, median));
  const baselineRow = summary(tally(baselineResults, baselineMs));
  const newChars = revision.newText.length;
  console.log(
    `\nA long article: ${(revision.oldText.length / 1e6).toFixed(2)} M characters, revised ` +
      `(${(newChars / 1e6).toFixed(2)} M after), ${revision.passages.length} passages`,
  );
  console.table({
    Dossier: {
      'first run ms': runs[0]?.toFixed(0) ?? '—',
      [`median of ${LARGE_RUNS} ms`]: median.toFixed(0),
      correct: dossierRow.correct,
      'wrongly attached': dossierRow['wrongly attached'],
      'orphaned, still present': dossierRow['orphaned, still present'],
    },
    'Hypothesis-style (baseline)': {
      'first run ms': baselineMs.toFixed(0),
      [`median of ${LARGE_RUNS} ms`]: '—',
      correct: baselineRow.correct,
      'wrongly attached': baselineRow['wrongly attached'],
      'orphaned, still present': baselineRow['orphaned, still present'],
    },
  });
}
