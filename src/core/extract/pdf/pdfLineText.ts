import { normalizePresentationForms, restoreNonJoiners } from './arabicShaping';
import type { PlacedItem } from './pdfItems';

interface LineText {
  text: string;
  /** The line is mostly right-to-left script (Arabic, Persian, Hebrew…). */
  rtl: boolean;
}

/** A gap wider than this share of the font size between two items is a word space. */
const WORD_GAP = 0.2;
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'gu');
/** Letters and digits that read left to right: any letter not of a right-to-left script, any digit. */
const LTR_CHAR = /[\p{L}\p{Nd}]/u;
const ONLY_MARKS = /^\s*\p{M}+\s*$/u;

type Direction = 'L' | 'R' | 'N';

interface Token {
  text: string;
  direction: Direction;
}

/**
 * A line's text in logical (reading) order from its items. Items are laid out
 * left to right on the page; pdf.js already gives each item's own characters
 * in logical order, so what is left is the order of the items: a right-to-left
 * line reads them from the right, except runs of left-to-right words or
 * numbers inside it, which keep their order (and the reverse for a Persian
 * phrase in an English line). A combining mark drawn as an item of its own
 * (Persian ٔ over ه) rejoins the letter under it.
 */
export function lineText(items: readonly PlacedItem[]): LineText {
  const marks = items.filter((item) => ONLY_MARKS.test(item.text));
  const bases = items.filter((item) => !ONLY_MARKS.test(item.text)).sort((a, b) => a.x - b.x);
  const texts = withMarks(bases, marks);
  const rtl = isRightToLeft(texts.join(''));

  const tokens: Token[] = [];
  bases.forEach((item, index) => {
    const previous = bases[index - 1];
    if (previous && needsSpace(previous, item)) tokens.push({ text: ' ', direction: 'N' });
    tokens.push({ text: texts[index]!, direction: directionOf(texts[index]!) });
  });
  const raw = logicalOrder(tokens, rtl)
    .map((token) => token.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: normalizePresentationForms(restoreNonJoiners(raw)), rtl };
}

/** More letters of right-to-left scripts than of others. */
function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return rtl > letters - rtl;
}

/** Each base item's text, with the marks drawn over it put after the character they sit on. */
function withMarks(bases: readonly PlacedItem[], marks: readonly PlacedItem[]): string[] {
  const texts = bases.map((item) => item.text);
  const visible = bases.map((item, index) => ({ item, index })).filter(({ item }) => !item.blank);
  for (const mark of marks) {
    const at = mark.x;
    const nearest = visible.reduce<{ item: PlacedItem; index: number } | undefined>(
      (best, candidate) =>
        best === undefined || distance(candidate.item, at) < distance(best.item, at)
          ? candidate
          : best,
      undefined,
    );
    if (!nearest) continue;
    const chars = [...texts[nearest.index]!];
    const { item } = nearest;
    const share = item.end > item.x ? (at - item.x) / (item.end - item.x) : 1;
    // Characters of a right-to-left item run from its right edge.
    const fromStart = RTL_LETTER.test(item.text) ? 1 - share : share;
    const after = Math.min(Math.max(Math.floor(fromStart * chars.length), 0), chars.length - 1);
    chars.splice(after + 1, 0, mark.text.trim());
    texts[nearest.index] = chars.join('');
  }
  return texts;
}

function distance(item: PlacedItem, x: number): number {
  return x < item.x ? item.x - x : x > item.end ? x - item.end : 0;
}

function needsSpace(left: PlacedItem, right: PlacedItem): boolean {
  if (left.blank || right.blank || /\s$/.test(left.text) || /^\s/.test(right.text)) return false;
  return right.x - left.end > WORD_GAP * Math.min(left.size, right.size);
}

function directionOf(text: string): Direction {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = [...text].filter((char) => LTR_CHAR.test(char) && !RTL_LETTER.test(char)).length;
  if (rtl === 0 && ltr === 0) return 'N';
  return rtl >= ltr ? 'R' : 'L';
}

/**
 * Visual order to logical order for a line read in `rtl` (or left-to-right)
 * direction: the line's items are taken from its starting side, and each run
 * of the other direction (from its first strong item to its last, with the
 * neutral items between) is turned back to its own order.
 */
export function logicalOrder<T extends { direction: Direction }>(
  visual: readonly T[],
  rtl: boolean,
): T[] {
  const ordered = rtl ? [...visual].reverse() : [...visual];
  const other: Direction = rtl ? 'L' : 'R';
  const result: T[] = [];
  let index = 0;
  while (index < ordered.length) {
    if (ordered[index]!.direction !== other) {
      result.push(ordered[index++]!);
      continue;
    }
    let last = index;
    for (let next = index + 1; next < ordered.length; next++) {
      const direction = ordered[next]!.direction;
      if (direction === other) last = next;
      else if (direction !== 'N') break;
    }
    result.push(...ordered.slice(index, last + 1).reverse());
    index = last + 1;
  }
  return result;
}
