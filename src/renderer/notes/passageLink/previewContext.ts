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

export function wordsInContext(passage: PassageView, source: SourceDetail | null): WordsInContext {
  const { start, end } = passage;
  // An orphan (or a source not read) has no place in the current text: its quote as marked.
  if (!source || start === null || end === null) {
    return {
      before: oneLine(passage.prefix),
      words: oneLine(passage.exact),
      after: oneLine(passage.suffix),
    };
  }
  const { text } = source;
  return {
    before: wholeWordsAtEnd(
      text.slice(Math.max(0, start - contextLength), start),
      start > contextLength,
    ),
    words: oneLine(text.slice(start, end)),
    after: wholeWordsAtStart(
      text.slice(end, end + contextLength),
      end + contextLength < text.length,
    ),
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
  return cut && space >= 0 ? `…${line.slice(space)}` : line.trimStart();
}

function wholeWordsAtStart(text: string, cut: boolean): string {
  const line = oneLine(text);
  const space = line.lastIndexOf(' ');
  return cut && space >= 0 ? `${line.slice(0, space)}…` : line.trimEnd();
}
