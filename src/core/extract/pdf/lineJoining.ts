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

export function hyphenEvidence(lines: readonly string[]): HyphenEvidence {
  const words = new Set<string>();
  let breaksWithHyphen = false;
  let hyphenWithinLines = false;
  for (const line of lines) {
    for (const word of line.toLowerCase().match(WORDS) ?? [])
      words.add(word.replaceAll(HYPHEN, '-'));
    const within = line.replace(/[\u2010\u00ad]$/, '');
    if (within !== line) breaksWithHyphen = true;
    if (within.includes(HYPHEN)) hyphenWithinLines = true;
  }
  return { words, breakHyphen: breaksWithHyphen && !hyphenWithinLines ? HYPHEN : null };
}

/** The lines of one paragraph as one text. */
export function joinLines(lines: readonly string[], evidence: HyphenEvidence): string {
  return lines.reduce((text, line) => (text === '' ? line : joinPair(text, line, evidence)), '');
}

function joinPair(before: string, after: string, evidence: HyphenEvidence): string {
  const broken = BROKEN_END.exec(before);
  if (broken) {
    const rest = LOWER_START.exec(after);
    const breakHere = rest !== null && isBreak(broken[1]!, broken[2]!, rest[0], evidence);
    return breakHere ? before.slice(0, -1) + after : before + after;
  }
  // A dash ending a line after a word or number is closed up with what follows: 1990–1995, word—word.
  if (/[\p{L}\p{N}][–—]$/u.test(before)) return before + after;
  if (UNSPACED.test(before.at(-1) ?? '') && UNSPACED.test(after[0] ?? '')) return before + after;
  return `${before} ${after}`;
}

/** Whether the hyphen between `head` and `tail` only breaks the word across two lines. */
function isBreak(head: string, hyphen: string, tail: string, evidence: HyphenEvidence): boolean {
  if (hyphen === SOFT_HYPHEN) return true;
  const compound = `${head}-${tail}`.toLowerCase();
  const whole = `${head}${tail}`.toLowerCase();
  if (evidence.words.has(compound)) return false;
  if (evidence.words.has(whole) || evidence.words.has(`${whole}s`)) return true;
  return hyphen === evidence.breakHyphen;
}
