import type { SearchSnippet } from '../../shared/api';
import { foldString } from '../text/fold';
import {
  foldsToLowerCase,
  keyFoldOptions,
  keyTokens,
  lowerCaseTokens,
  type KeyToken,
  type QueryToken,
} from './searchKey';

/** Target length of a snippet, in UTF-16 units of the original text. */
export const snippetLength = 200;
/** Context kept before the first match when there is room. */
const leadLength = 60;
/**
 * How much text is read looking for the best paragraph: enough for any article,
 * while a huge source whose title alone matched stays quick to show.
 */
const scanLimit = 1_000_000;

interface Range {
  start: number;
  end: number;
}

interface Match extends Range {
  /** Index of the matched phrase. */
  phrase: number;
}

/**
 * Picks the paragraph of `text` that contains the most of the query's phrases and,
 * in it, the window of about `snippetLength` with the most of them, cut at spaces
 * where it can be and marked with … where it is cut. Without any match (a title-only
 * hit, a query of filters) it is the start of the text.
 */
export function makeSnippet(text: string, phrases: QueryToken[][]): SearchSnippet {
  let best: { paragraph: Range; matches: Match[]; found: number } | undefined;
  let scanned = 0;
  // Without phrases there is nothing to look for: the snippet is the text's start.
  for (const paragraph of phrases.length > 0 ? paragraphsOf(text) : []) {
    if (scanned >= scanLimit) break;
    const searched = {
      start: paragraph.start,
      end: Math.min(paragraph.end, paragraph.start + scanLimit),
    };
    scanned += searched.end - searched.start;
    const paragraphText = text.slice(searched.start, searched.end);
    // Most paragraphs of many texts fold to their lower case: far cheaper to make.
    const lowerCase = foldsToLowerCase.test(paragraphText) ? paragraphText.toLowerCase() : null;
    // Tokenizing a paragraph costs several times folding it: only those that may
    // hold more phrases than the best so far are tokenized.
    const folded = lowerCase ?? foldString(paragraphText, keyFoldOptions);
    if (phrasesMayHold(folded, phrases) <= (best?.found ?? 0)) continue;
    const tokens = lowerCase === null ? keyTokens(paragraphText) : lowerCaseTokens(lowerCase);
    const matches = findMatches(tokens, searched.start, phrases);
    const found = new Set(matches.map((match) => match.phrase)).size;
    if (found > (best?.found ?? 0)) best = { paragraph, matches, found };
    if (found === phrases.length) break;
  }
  if (!best) {
    const first = paragraphsOf(text).next();
    if (first.done) return { snippet: '', highlights: [] };
    return cut(text, first.value, first.value.start, first.value.start, []);
  }
  const shown = bestWindow(best.matches, best.found);
  const spanEnd = Math.max(...shown.map((match) => match.end));
  return cut(text, best.paragraph, shown[0]?.start ?? spanEnd, spanEnd, best.matches);
}

/** The non-blank lines of `text`, without their surrounding whitespace. */
function* paragraphsOf(text: string): Generator<Range> {
  for (const line of text.matchAll(/\S(?:[^\n]*\S)?/g)) {
    yield { start: line.index, end: line.index + line[0].length };
  }
}

/**
 * How many of the phrases a paragraph folded to `folded` may hold: never fewer
 * than it does. Every token of its key (see searchKey.ts) is a stretch of the
 * folded text, except a pair of unspaced characters, which combining marks may
 * separate in it.
 */
function phrasesMayHold(folded: string, phrases: QueryToken[][]): number {
  const mayHold = (token: QueryToken) =>
    folded.includes(token.term) ||
    ([...token.term].length === 2 && [...token.term].every((char) => folded.includes(char)));
  return phrases.filter((phrase) => phrase.every(mayHold)).length;
}

/** The matches of the phrases among the tokens of a paragraph starting at `offset`. */
function findMatches(tokens: KeyToken[], offset: number, phrases: QueryToken[][]): Match[] {
  const matches: Match[] = [];
  for (let at = 0; at < tokens.length; at++) {
    phrases.forEach((phrase, index) => {
      const first = tokens[at];
      const last = tokens[at + phrase.length - 1];
      if (first && last && phrase.every((token, i) => tokenMatches(tokens[at + i], token))) {
        matches.push({ start: offset + first.start, end: offset + last.end, phrase: index });
      }
    });
  }
  return matches;
}

function tokenMatches(token: KeyToken | undefined, wanted: QueryToken): boolean {
  if (!token) return false;
  return wanted.prefix ? token.term.startsWith(wanted.term) : token.term === wanted.term;
}

/**
 * The matches (in text order) that fit in one snippet together and cover the most
 * distinct phrases, the first such when several do as well.
 */
function bestWindow(matches: Match[], distinctPhrases: number): Match[] {
  let best: Match[] = [];
  let bestCount = 0;
  for (let first = 0; first < matches.length && bestCount < distinctPhrases; first++) {
    const limit = (matches[first]?.start ?? 0) + snippetLength;
    const window: Match[] = [];
    for (let i = first; i < matches.length && (matches[i]?.start ?? limit) < limit; i++) {
      const match = matches[i];
      // The first match always counts, even a phrase longer than a snippet.
      if (match && (i === first || match.end <= limit)) window.push(match);
    }
    const count = new Set(window.map((match) => match.phrase)).size;
    if (count > bestCount) [best, bestCount] = [window, count];
  }
  return best;
}

/**
 * The snippet of `paragraph` around `[spanStart, spanEnd)`: some context before,
 * the rest after, cut at whitespace (or at least between clusters), with the
 * matches inside it as highlights.
 */
function cut(
  text: string,
  paragraph: Range,
  spanStart: number,
  spanEnd: number,
  matches: Match[],
): SearchSnippet {
  const room = Math.max(0, snippetLength - (spanEnd - spanStart));
  let start = Math.max(paragraph.start, spanStart - Math.min(Math.floor(room / 2), leadLength));
  let end = Math.max(spanEnd, Math.min(paragraph.end, start + snippetLength));
  start = Math.max(paragraph.start, Math.min(start, end - snippetLength));

  if (start > paragraph.start) {
    const space = text.slice(start, spanStart).search(/\s/);
    start = space >= 0 ? start + space + 1 : clusterBoundary(text, start);
  }
  if (end < paragraph.end) {
    const tail = text.slice(spanEnd, end);
    const space = tail.search(/\s\S*$/);
    end = space >= 0 ? spanEnd + space : clusterBoundary(text, end);
  }
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;

  const before = start > paragraph.start ? '…' : '';
  const after = end < paragraph.end ? '…' : '';
  const shift = before.length - start;
  const highlights = mergeRanges(
    matches
      .filter((match) => match.start >= start && match.end <= end)
      .map((match): [number, number] => [match.start + shift, match.end + shift]),
  );
  return { snippet: before + text.slice(start, end) + after, highlights };
}

/** `at`, moved back to the start of the cluster it falls in (never inside a surrogate pair or before a mark). */
function clusterBoundary(text: string, at: number): number {
  let boundary = at;
  while (boundary > 0 && /[\p{M}\udc00-\udfff]/u.test(text.charAt(boundary))) boundary--;
  return boundary;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
