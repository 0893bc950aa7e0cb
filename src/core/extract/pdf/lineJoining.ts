/**
 * Joins the lines of a paragraph back into running text, undoing the
 * hyphenation of words broken at a line end — but only where the document
 * itself shows the hyphen is a break and not part of a compound
 * ("long-term" keeps its hyphen when "long-term" is written elsewhere).
 */

/** What the whole document says about its words and its hyphens. */
export interface HyphenEvidence {
  /** Every word written within a line, lower-cased; compounds with their hyphen as '-'. */
  words: Set<string>;
  /**
   * The document marks breaks with a hyphen of their own (U+2010 or a soft
   * hyphen, as browsers print them) that it never uses inside a line: there,
   * a plain '-' at a line end is a real hyphen, and a U+2010 a break.
   */
  breakHyphen: string | null;
  /**
   * The typesetter hyphenates words (TeX does): of the '-' at line ends that
   * the document explains, most break a word it writes whole elsewhere. Then
   * an unexplained one is a break too, unless both its halves are words.
   */
  hyphenatesWords: boolean;
}

const SOFT_HYPHEN = '\u00ad';
const HYPHEN = '\u2010';
const WORDS = /\p{L}+(?:[-\u2010]\p{L}+)*/gu;
/** A word broken at the end of a line: its first part and the hyphen. */
const BROKEN_END = /(\p{L}+)([-\u2010\u00ad])$/u;
/** The rest of the word at the start of the next line, when it goes on in lower case. */
const LOWER_START = /^\p{Ll}\p{L}*/u;
/** Scripts written without spaces between words: their lines join without one. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** It takes this many explained breaks, outnumbering explained compounds this many times. */
const HYPHENATION_BREAKS = 2;
const HYPHENATION_RATIO = 2;

/** Reads the evidence off all the document's lines, in reading order. */
export function hyphenEvidence(lines: readonly string[]): HyphenEvidence {
  const words = new Set<string>();
  let breaksWithHyphen = false;
  let hyphenWithinLines = false;
  lines.forEach((line, index) => {
    // The halves of a word broken across lines are not words of the document.
    let whole = line.replace(BROKEN_END, '');
    if (BROKEN_END.test(lines[index - 1] ?? '')) whole = whole.replace(LOWER_START, '');
    for (const word of whole.toLowerCase().match(WORDS) ?? []) {
      words.add(word.replaceAll(HYPHEN, '-'));
    }
    const within = line.replace(/[\u2010\u00ad]$/, '');
    if (within !== line) breaksWithHyphen = true;
    if (within.includes(HYPHEN)) hyphenWithinLines = true;
  });

  let breaks = 0;
  let compounds = 0;
  lines.forEach((line, index) => {
    const pair = brokenWord(line, lines[index + 1] ?? '');
    if (pair?.hyphen !== '-') return;
    if (words.has(pair.compound)) compounds++;
    else if (writtenWhole(pair.whole, words)) breaks++;
  });
  return {
    words,
    breakHyphen: breaksWithHyphen && !hyphenWithinLines ? HYPHEN : null,
    hyphenatesWords: breaks >= HYPHENATION_BREAKS && breaks > HYPHENATION_RATIO * compounds,
  };
}

/** The lines of one paragraph as one text. */
export function joinLines(lines: readonly string[], evidence: HyphenEvidence): string {
  let text = lines[0] ?? '';
  for (let index = 1; index < lines.length; index++) {
    const before = lines[index - 1]!;
    const line = lines[index]!;
    const pair = brokenWord(before, line);
    if (pair && isBreak(pair, evidence)) text = text.slice(0, -1) + line;
    else if (closesUp(before, line)) text += line;
    else text += ` ${line}`;
  }
  return text;
}

/**
 * Lines that join without a space: a hyphen kept at the line end (long-term,
 * Anglo-Dutch, COVID-19), a dash after a word or number (1990–1995), scripts
 * written without spaces.
 */
function closesUp(before: string, after: string): boolean {
  return (
    BROKEN_END.test(before) ||
    /[\p{L}\p{N}][–—]$/u.test(before) ||
    (UNSPACED.test(before.at(-1) ?? '') && UNSPACED.test(after[0] ?? ''))
  );
}

interface BrokenWord {
  head: string;
  tail: string;
  hyphen: string;
  /** Lower-cased, with and without the hyphen. */
  compound: string;
  whole: string;
}

/** A word that ends `before` with a hyphen and goes on in lower case at the start of `after`. */
function brokenWord(before: string, after: string): BrokenWord | null {
  const end = BROKEN_END.exec(before);
  const start = LOWER_START.exec(after);
  if (!end || !start) return null;
  const [, head = '', hyphen = ''] = end;
  const tail = start[0];
  return {
    head,
    tail,
    hyphen,
    compound: `${head}-${tail}`.toLowerCase(),
    whole: `${head}${tail}`.toLowerCase(),
  };
}

/** Whether the hyphen only breaks the word across two lines. */
function isBreak(pair: BrokenWord, evidence: HyphenEvidence): boolean {
  if (pair.hyphen === SOFT_HYPHEN) return true;
  if (evidence.words.has(pair.compound)) return false;
  if (writtenWhole(pair.whole, evidence.words)) return true;
  if (pair.hyphen === evidence.breakHyphen) return true;
  if (pair.hyphen !== '-' || !evidence.hyphenatesWords) return false;
  const halvesAreWords =
    evidence.words.has(pair.head.toLowerCase()) && evidence.words.has(pair.tail.toLowerCase());
  return !halvesAreWords;
}

function writtenWhole(word: string, words: Set<string>): boolean {
  return words.has(word) || words.has(`${word}s`);
}
