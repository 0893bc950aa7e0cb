/**
 * Search keys: the text FTS5 indexes, and the tokens a query looks for.
 *
 * A key is the folded text (src/core/text/fold.ts) cut into the tokens FTS5's
 * unicode61 tokenizer will see, written one space apart: a token is a run of
 * letters, digits or private-use characters, exactly what unicode61 keeps. So
 * FTS5's tokens are the key's tokens, and a match FTS5 finds can be found again
 * in JS to place snippets and highlights.
 *
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
 * Khmer, Myanmar) and Korean (whose particles stick to the word) are indexed as
 * overlapping pairs of characters plus the last character of each run:
 * 人工智能 -> 人工 工智 智能 能. A query for any stretch of two or more characters is
 * then the phrase of its pairs, and a single character is a prefix of a pair, so
 * every occurrence is found whatever a word segmenter would have made of the
 * context (dictionary segmenters cut the same word differently in different
 * sentences). Combining marks inside such runs (Thai vowels and tone marks) are
 * left out of the pairs, since unicode61 would split a token at them.
 */
import { foldString, foldText, toOriginalRange } from '../text/fold';

/**
 * The version of what `searchKey` makes of a text. Bump it whenever this module,
 * fold.ts or foldTables.ts change the key of any text: notebooks store the
 * version their FTS tables were built with, and one built with another version
 * is reported stale until its search index is rebuilt (src/core/search/reindex.ts).
 */
export const SEARCH_KEY_VERSION = 1;

/** A token of a text's key and the range of the original text it came from (UTF-16). */
export interface KeyToken {
  term: string;
  start: number;
  end: number;
}

/** A token a query looks for; a prefix token matches any token that starts with it. */
export interface QueryToken {
  term: string;
  prefix: boolean;
}

/** How a text is folded before it is cut into key tokens. */
export const keyFoldOptions = { collapseWhitespace: true };

/**
 * Text of these characters alone folds to its lower case, but for punctuation
 * (typographic quotes, dashes, bullets) that folds to other punctuation: its
 * lower case holds the same tokens as its fold, from the same places (tested
 * character by character).
 */
export const foldsToLowerCase =
  /^[\t-\r -~\u00a0\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u2010-\u2015\u2018\u2019\u201c-\u201e\u2022\u2026\u2039\u203a]*$/;

/**
 * `keyTokens` of a text that folds to its lower case `lowerCase` (see
 * `foldsToLowerCase`): its tokens are its runs of ASCII letters and digits.
 */
export function lowerCaseTokens(lowerCase: string): KeyToken[] {
  return Array.from(lowerCase.matchAll(/[a-z0-9]+/g), (run) => ({
    term: run[0],
    start: run.index,
    end: run.index + run[0].length,
  }));
}

/** The text to give FTS5 for `text`. */
export function searchKey(text: string): string {
  // Terms, or runs of terms already one space apart.
  const terms: string[] = [];
  // Line by line (no token spans a line break): most lines of most texts fold
  // to their lower case, which is far cheaper to cut than a fold: its tokens
  // are its runs of ASCII letters and digits, and the rest becomes one space.
  for (const line of text.split('\n')) {
    if (foldsToLowerCase.test(line)) {
      const tokens = line
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      if (tokens !== '') terms.push(tokens);
      continue;
    }
    forEachWord(foldString(line, keyFoldOptions), (word) => {
      if (!word.unspaced) terms.push(word.text);
      else for (const token of documentTokens(word)) terms.push(token.term);
    });
  }
  return terms.join(' ');
}

/** The tokens of `searchKey(text)`, each with the range of `text` it came from. */
export function keyTokens(text: string): KeyToken[] {
  const folded = foldText(text, keyFoldOptions);
  const tokens: KeyToken[] = [];
  forEachWord(folded.folded, (word) => {
    for (const token of documentTokens(word)) {
      const [start, end] = toOriginalRange(folded, token.start, token.end);
      tokens.push({ term: token.term, start, end });
    }
  });
  return tokens;
}

/**
 * The tokens, in order, that a query word or phrase must match consecutively.
 * `prefix`: the last word may be the start of a longer one.
 */
export function queryTokens(text: string, prefix: boolean): QueryToken[] {
  const words: Word[] = [];
  forEachWord(foldString(text, keyFoldOptions), (word) => words.push(word));
  return words.flatMap((word, index): QueryToken[] => {
    const last = index === words.length - 1;
    if (!word.unspaced) return [{ term: word.text, prefix: prefix && last }];
    // Inside the phrase a run ends where the text's run ends, so it has the same
    // pairs and last character as in the text. The phrase's last run may go on in
    // the text: its pairs only, and a lone character as the start of a pair.
    if (!last) return documentTokens(word).map(({ term }) => ({ term, prefix: false }));
    const units = unitsOf(word);
    const [only] = units;
    if (units.length === 1 && only) return [{ term: only.term, prefix: true }];
    return pairsOf(units).map(({ term }, i, pairs) => ({
      term,
      prefix: prefix && i === pairs.length - 1,
    }));
  });
}

/** A word of a folded text: a run of token characters of one kind. */
interface Word {
  /** The folded text of the word. */
  text: string;
  /** Where it is in the folded text. */
  start: number;
  /** Written without spaces (see the module comment): indexed as pairs. */
  unspaced: boolean;
}

/** A token with its range in the folded text. */
interface FoldedToken {
  term: string;
  start: number;
  end: number;
}

function documentTokens(word: Word): FoldedToken[] {
  if (!word.unspaced) {
    return [{ term: word.text, start: word.start, end: word.start + word.text.length }];
  }
  const units = unitsOf(word);
  const lastUnit = units[units.length - 1];
  return lastUnit ? [...pairsOf(units), lastUnit] : [];
}

function pairsOf(units: FoldedToken[]): FoldedToken[] {
  const pairs: FoldedToken[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const [first, second] = [units[i], units[i + 1]];
    if (first && second) {
      pairs.push({ term: first.term + second.term, start: first.start, end: second.end });
    }
  }
  return pairs;
}

/** The characters of an unspaced word, each spanning the combining marks after it. */
function unitsOf(word: Word): FoldedToken[] {
  const units: FoldedToken[] = [];
  let offset = word.start;
  for (const char of word.text) {
    const previous = units[units.length - 1];
    if (previous && classOf(char.codePointAt(0) ?? 0) === CharClass.Mark) {
      previous.end = offset + char.length;
    } else {
      units.push({ term: char, start: offset, end: offset + char.length });
    }
    offset += char.length;
  }
  return units;
}

const CharClass = { Separator: 1, Spaced: 2, Unspaced: 3, Mark: 4 } as const;
type CharClass = (typeof CharClass)[keyof typeof CharClass];

const tokenChar = /[\p{L}\p{N}\p{Co}]/u;
const markChar = /\p{M}/u;
const unspacedScript =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

/** Classes of the Basic Multilingual Plane, learnt as they are met; 0 = not yet. */
const bmpClasses = new Uint8Array(0x10000);

function classOf(codePoint: number): CharClass {
  const known = codePoint < 0x10000 ? bmpClasses[codePoint] : 0;
  if (known) return known as CharClass;
  const char = String.fromCodePoint(codePoint);
  let charClass: CharClass = CharClass.Separator;
  if (markChar.test(char)) charClass = CharClass.Mark;
  else if (tokenChar.test(char)) {
    charClass = unspacedScript.test(char) ? CharClass.Unspaced : CharClass.Spaced;
  }
  if (codePoint < 0x10000) bmpClasses[codePoint] = charClass;
  return charClass;
}

/**
 * Calls `visit` with each word of a folded text. A combining mark stays inside an
 * unspaced word and, as in unicode61, separates words anywhere else.
 */
function forEachWord(folded: string, visit: (word: Word) => void): void {
  let start = -1;
  let unspaced = false;
  const end = (at: number) => {
    if (start >= 0) visit({ text: folded.slice(start, at), start, unspaced });
    start = -1;
  };
  for (let i = 0; i < folded.length; ) {
    const codePoint = folded.codePointAt(i) ?? 0;
    const charClass = classOf(codePoint);
    if (charClass === CharClass.Spaced || charClass === CharClass.Unspaced) {
      const isUnspaced = charClass === CharClass.Unspaced;
      if (start >= 0 && unspaced !== isUnspaced) end(i);
      if (start < 0) {
        start = i;
        unspaced = isUnspaced;
      }
    } else if (!(charClass === CharClass.Mark && start >= 0 && unspaced)) {
      end(i);
    }
    i += codePoint > 0xffff ? 2 : 1;
  }
  end(folded.length);
}
