/**
 * What a passage link's preview shows: the passage's words between the words
 * around them, and, for a link that no longer leads to them, why.
 */
import type { PassageView, SourceDetail } from '../../../shared/api';

export interface WordsInContext {
  before: string;
  words: string;
  after: string;
}

/** Characters of context on each side, cut back to whole words. */
const contextLength = 160;
/**
 * A quote's prefix and suffix are described with 32 characters of context (or
 * a multiple), fewer only where the text ends (core/passages/describeQuote.ts).
 */
const quoteContextStep = 32;

export function wordsInContext(passage: PassageView, source: SourceDetail | null): WordsInContext {
  const { start, end } = passage;
  // An orphan (or a source not read) has no place in the current text: its quote as marked.
  if (!source || start === null || end === null) return quoteInContext(passage);
  const { text } = source;
  // Context from the passage's own paragraphs only (blocks are separated by line breaks).
  const from = Math.max(0, start - contextLength, text.lastIndexOf('\n', start - 1) + 1);
  const lineEnd = text.indexOf('\n', end);
  const to = Math.min(end + contextLength, lineEnd < 0 ? text.length : lineEnd);
  return {
    before: wholeWordsAtEnd(text.slice(from, start), from === start - contextLength),
    words: oneLine(text.slice(start, end)),
    after: wholeWordsAtStart(text.slice(end, to), to === end + contextLength),
  };
}

/**
 * The quote with the context it was described with: its paragraph's words
 * within `quoteContextStep` characters, cut back to whole words unless the
 * text (or the paragraph) ends there.
 */
function quoteInContext({ prefix, exact, suffix }: PassageView): WordsInContext {
  const paragraphStart = prefix.lastIndexOf('\n') + 1;
  const paragraphEnd = suffix.indexOf('\n');
  return {
    before: wholeWordsAtEnd(
      prefix.slice(paragraphStart),
      paragraphStart === 0 && prefix.length >= quoteContextStep,
    ),
    words: oneLine(exact),
    after:
      paragraphEnd >= 0
        ? oneLine(suffix.slice(0, paragraphEnd)).trimEnd()
        : wholeWordsAtStart(suffix, suffix.length >= quoteContextStep),
  };
}

/** The link's standing, when it no longer leads to the passage's words; null when it does. */
export function brokenReason(passage: PassageView | null): string | null {
  if (!passage) return 'Broken link: this passage no longer exists.';
  if (passage.status === 'orphaned') {
    return 'Broken link: these words are gone from the current version of the article.';
  }
  if (passage.sourceInTrash) return 'The article this passage is in is in the trash.';
  return null;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The end of `text`, less a word cut in two by the slice. */
function wholeWordsAtEnd(text: string, cut: boolean): string {
  const line = oneLine(text);
  const space = line.indexOf(' ');
  return cut && space >= 0 ? `…${line.slice(space + 1)}` : line.trimStart();
}

function wholeWordsAtStart(text: string, cut: boolean): string {
  const line = oneLine(text);
  const space = line.lastIndexOf(' ');
  return cut && space >= 0 ? `${line.slice(0, space)}…` : line.trimEnd();
}
