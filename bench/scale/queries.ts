/**
 * What the scale bench asks, drawn deterministically (a seeded generator) from
 * the documents of the first copy: 200 mixed queries, the words timed against
 * ripgrep, and the recall samples. Each query has its Dossier form and the
 * plain FTS5 MATCH expression of the same question.
 */
import { foldString } from '../../src/core/text/fold';
import { seededRandom } from '../../tests/unit/support/seededRandom';
import { documentAt, type Piece, type ScaleDocument } from './corpus';

export interface BenchQuery {
  kind: 'word' | 'phrase' | 'prefix' | 'filter' | 'CJK word';
  language: string;
  dossier: string;
  fts: string;
}

export interface RecallSample {
  document: ScaleDocument;
  /** A whole word of the document's text folded as Dossier folds it. */
  word: string;
}

const LETTERS = /[\p{L}\p{M}]+/gu;
const ANY_LETTERS = /^[\p{L}\p{M}]+$/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}/gu;

/** The script a language's own words are written in (the handbook keeps many English terms). */
function scriptOf(language: string): RegExp {
  const prefix = language.slice(0, 2);
  if (prefix === 'ar' || prefix === 'fa') return /^[\p{Script=Arabic}\p{M}]+$/u;
  if (prefix === 'el') return /^[\p{Script=Greek}\p{M}]+$/u;
  if (prefix === 'ru') return /^[\p{Script=Cyrillic}\p{M}]+$/u;
  if (prefix === 'ko') return /^\p{Script=Hangul}+$/u;
  return /^[\p{Script=Latin}\p{M}]+$/u;
}

function isCjk(language: string): boolean {
  return /^(zh|ja)/.test(language);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Words of `script` (at least `minLength` letters) in a text, in order. */
function scriptWords(language: string, script: RegExp, minLength: number, text: string): string[] {
  // A Hangul syllable is a whole consonant-vowel group: two make a word.
  const least = language.startsWith('ko') ? Math.min(minLength, 2) : minLength;
  return (text.match(LETTERS) ?? []).filter(
    (word) => [...word].length >= least && script.test(word),
  );
}

/** A run of `length` Chinese or Japanese characters from a text. */
function cjkWord(random: () => number, length: number, text: string): string | null {
  const runs = (text.match(CJK_RUN) ?? []).filter((run) => run.length >= length);
  if (runs.length === 0) return null;
  const run = pick(random, runs);
  const start = Math.floor(random() * (run.length - length + 1));
  return run.slice(start, start + length);
}

class Sampler {
  // Seeded, so every run asks the same questions.
  private readonly random = seededRandom(12);
  private readonly byLanguage = new Map<string, ScaleDocument[]>();

  constructor(pieces: readonly Piece[], count: number) {
    for (let index = 0; index < Math.min(count, pieces.length); index++) {
      const document = documentAt(pieces, index);
      const list = this.byLanguage.get(document.language) ?? [];
      list.push(document);
      this.byLanguage.set(document.language, list);
    }
  }

  get languages(): string[] {
    return [...this.byLanguage.keys()].sort();
  }

  /**
   * The language's documents from a random one on, wrapping around: the first
   * that has what is looked for is taken (some chapters are untranslated).
   */
  *documents(language: string): Generator<ScaleDocument> {
    const list = this.byLanguage.get(language)!;
    const start = Math.floor(this.random() * list.length);
    for (let i = 0; i < list.length; i++) yield list[(start + i) % list.length]!;
  }

  /**
   * What `look` finds in the first document that has it, in words of the
   * language's own script or, where none of its documents has any (a small
   * library of untranslated chapters), in any letters.
   */
  private find<T>(
    language: string,
    look: (document: ScaleDocument, script: RegExp) => T | null,
  ): T {
    for (const script of [scriptOf(language), ANY_LETTERS]) {
      for (const document of this.documents(language)) {
        const found = look(document, script);
        if (found !== null) return found;
      }
    }
    throw new Error(`nothing to ask found in the bench's ${language} documents`);
  }

  /** A word of the language (a CJK run for Chinese and Japanese). */
  word(language: string, minLength = 4, fold = false): { document: ScaleDocument; word: string } {
    return this.find(language, (document, script) => {
      // Folding drops what splits a word only on the surface (a Persian zero-width non-joiner).
      const text = fold ? foldString(document.body, { collapseWhitespace: true }) : document.body;
      if (isCjk(language)) {
        const word = cjkWord(this.random, 2 + Math.floor(this.random() * 2), text);
        return word === null ? null : { document, word };
      }
      const words = scriptWords(document.language, script, minLength, text);
      return words.length > 0 ? { document, word: pick(this.random, words) } : null;
    });
  }

  /** Two words side by side in a paragraph (four CJK characters for Chinese and Japanese). */
  phrase(language: string): string {
    return this.find(language, (document, script) => {
      if (isCjk(language)) return cjkWord(this.random, 4, document.body);
      const pairs = document.body
        .split(/[^\p{L}\p{M}]*\s+[^\p{L}\p{M}]*/u)
        .flatMap((word, i, words) => {
          const next = words[i + 1];
          return next && script.test(word) && script.test(next) ? [`${word} ${next}`] : [];
        })
        .filter((pair) => [...pair].length >= (language.startsWith('ko') ? 4 : 7));
      return pairs.length > 0 ? pick(this.random, pairs) : null;
    });
  }

  recall(language: string): RecallSample {
    return this.word(language, 3, true);
  }
}

/**
 * 200 queries: a word in each script (78), a two-word phrase (52), a prefix
 * (26), filtered and boolean queries (24) and Chinese, Japanese and Korean
 * words (20).
 */
export function benchQueries(pieces: readonly Piece[], count: number): BenchQuery[] {
  const sampler = new Sampler(pieces, count);
  const queries: BenchQuery[] = [];
  const languages = sampler.languages;
  for (const language of languages) {
    for (let i = 0; i < 3; i++) {
      const { word } = sampler.word(language);
      queries.push({ kind: 'word', language, dossier: word, fts: quoted(word) });
    }
  }
  for (const language of languages) {
    for (let i = 0; i < 2; i++) {
      const phrase = sampler.phrase(language);
      queries.push({ kind: 'phrase', language, dossier: `"${phrase}"`, fts: quoted(phrase) });
    }
  }
  for (const language of languages) {
    const { word } = sampler.word(language, 5);
    const stem = [...word].slice(0, isCjk(language) ? 1 : 3).join('');
    queries.push({ kind: 'prefix', language, dossier: `${stem}*`, fts: `${quoted(stem)}*` });
  }
  const filters: Array<(a: string, b: string) => [string, string]> = [
    (a) => [`type:source ${a}`, quoted(a)],
    (a) => [`type:passage ${a}`, quoted(a)],
    (a) => [`type:note ${a}`, quoted(a)],
    (a, b) => [`${a} -${b}`, `${quoted(a)} NOT ${quoted(b)}`],
    (a, b) => [`${a} OR ${b}`, `${quoted(a)} OR ${quoted(b)}`],
    (a, b) => [`type:source "${a} ${b}"`, quoted(`${a} ${b}`)],
  ];
  for (let i = 0; i < 24; i++) {
    const language = languages[(i * 7) % languages.length]!;
    const [dossier, fts] = filters[i % filters.length]!(
      sampler.word(language).word,
      sampler.word(language).word,
    );
    queries.push({ kind: 'filter', language, dossier, fts });
  }
  const cjkLanguages = languages.filter((language) => isCjk(language) || language.startsWith('ko'));
  for (let i = 0; cjkLanguages.length > 0 && i < 20; i++) {
    const language = cjkLanguages[i % cjkLanguages.length]!;
    const { word } = sampler.word(language, 2);
    queries.push({ kind: 'CJK word', language, dossier: word, fts: quoted(word) });
  }
  return queries;
}

/** Four pages of every language, each with a whole word of its own. */
export function recallSamples(pieces: readonly Piece[], count: number): RecallSample[] {
  const sampler = new Sampler(pieces, count);
  return sampler.languages.flatMap((language) =>
    Array.from({ length: 4 }, () => sampler.recall(language)),
  );
}

/** Single words of every script, for ripgrep: every third word query. */
export function ripgrepWords(queries: readonly BenchQuery[]): string[] {
  return queries
    .filter((query) => query.kind === 'word')
    .filter((_, i) => i % 3 === 0)
    .map((query) => query.dossier);
}
