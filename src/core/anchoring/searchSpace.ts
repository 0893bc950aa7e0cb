/**
 * Stretches of a text, folded (src/core/text/fold.ts) and searched for a folded
 * quote, exactly or approximately (`approx-string-match`: Myers' bit-parallel
 * algorithm), with every hit mapped back to offsets of the real text.
 */
import approxSearch from 'approx-string-match';
import { foldString, foldText, toOriginalRange, type FoldedText } from '../text/fold';
import { GramFilter } from './gramFilter';

/** A hit in the real text: `text[start, end)`, `errors` edits away from the quote. */
export interface Hit {
  start: number;
  end: number;
  errors: number;
}

/** The most errors a search in a space of several stretches may allow. */
export const MAX_SEARCH_ERRORS = 256;
/**
 * What separates stretches in one searched string: longer than the errors a search
 * allows, so no approximate hit can run from one stretch into the next.
 */
const SEPARATOR = '\u0000'.repeat(MAX_SEARCH_ERRORS + 1);
/** Indexed spaces shorter than this are searched whole. */
const FILTER_FROM = 16_384;
/** At most this many rounds of approximate search, each excluding the hits before. */
const APPROX_ROUNDS = 4;

export const foldOptions = { collapseWhitespace: true } as const;

/** The folded key of a quote or context, as search compares them. */
export function foldKey(text: string): string {
  return foldString(text, foldOptions);
}

interface Piece {
  /** Where the piece starts in the searched string. */
  at: number;
  /** Where its stretch starts in the real text. */
  from: number;
  folded: FoldedText;
}

export class SearchSpace {
  private readonly pieces: Piece[] = [];
  private readonly searched: string;
  private filter: GramFilter | undefined;

  /**
   * `ranges`: stretches of `text`, in order and not overlapping. A space searched
   * for many quotes is `indexed`: a gram filter then spares searching most of it.
   */
  constructor(
    text: string,
    ranges: ReadonlyArray<readonly [number, number]>,
    private readonly indexed = false,
  ) {
    const parts: string[] = [];
    let at = 0;
    for (const [from, to] of ranges) {
      if (to <= from) continue;
      const folded = foldText(text.slice(from, to), foldOptions);
      if (parts.length > 0) {
        parts.push(SEPARATOR);
        at += SEPARATOR.length;
      }
      this.pieces.push({ at, from, folded });
      parts.push(folded.folded);
      at += folded.folded.length;
    }
    this.searched = parts.join('');
  }

  get length(): number {
    return this.searched.length;
  }

  /** Every place the folded quote occurs as it is. */
  exactHits(key: string): Hit[] {
    const hits: Hit[] = [];
    if (!key) return hits;
    for (let at = this.searched.indexOf(key); at !== -1; at = this.searched.indexOf(key, at + 1)) {
      const hit = this.toText(at, at + key.length, 0);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /**
   * The best approximate hits: each round finds the hits with the fewest errors
   * (at most `maxErrors`), then the next round looks elsewhere, so a hit that the
   * caller will refuse does not hide the next best one. Stops after `enough` distinct
   * places or a few rounds.
   */
  approxHits(key: string, maxErrors: number, enough: number): Hit[] {
    const hits: Hit[] = [];
    if (!key || !this.searched) return hits;
    const errors = Math.min(maxErrors, MAX_SEARCH_ERRORS, key.length - 1);
    if (errors < 0) return hits;
    // Stretches of the searched string still open to search.
    let open = this.openTo(key, errors);
    let places = 0;
    for (let round = 0; round < APPROX_ROUNDS && places < enough && open.length > 0; round++) {
      let best = Infinity;
      let found: Array<{ start: number; end: number; errors: number }> = [];
      for (const [from, to] of open) {
        if (to - from < key.length - errors) continue;
        for (const match of approxSearch(this.searched.slice(from, to), key, errors)) {
          if (match.errors < best) {
            best = match.errors;
            found = [];
          }
          if (match.errors === best) {
            found.push({ start: match.start + from, end: match.end + from, errors: match.errors });
          }
        }
      }
      if (found.length === 0) break;
      // Matches overlapping one another are one place; keep the longest of each.
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const excluded: Array<[number, number]> = [];
      for (const match of found) {
        const last = excluded[excluded.length - 1];
        if (last && match.start < last[1]) {
          last[1] = Math.max(last[1], match.end);
          continue;
        }
        const hit = this.toText(match.start, match.end, match.errors);
        if (hit) hits.push(hit);
        places++;
        excluded.push([match.start, match.end]);
      }
      // The next round skips each place with a margin, so it does not find the same
      // place again shifted by a letter.
      const margin = Math.ceil(key.length / 4);
      open = subtract(
        open,
        excluded.map(([start, end]) => [start - margin, end + margin]),
      );
    }
    return hits;
  }

  /** Where in the searched string `key` may be, with at most `errors` edits. */
  private openTo(key: string, errors: number): Array<[number, number]> {
    if (!this.indexed || this.searched.length < FILTER_FROM) return [[0, this.searched.length]];
    this.filter ??= new GramFilter(this.searched);
    return this.filter.candidates(key, errors);
  }

  /** The real text range of searched[start, end), or null when it crosses a separator. */
  private toText(start: number, end: number, errors: number): Hit | null {
    const piece = this.pieceAt(start);
    if (!piece || end > piece.at + piece.folded.folded.length) return null;
    // Spaces at the ends of a hit belong to the context, not the quote.
    const folded = piece.folded.folded;
    let from = start - piece.at;
    let to = end - piece.at;
    while (from < to && folded.charCodeAt(from) === 0x20) from++;
    while (to > from && folded.charCodeAt(to - 1) === 0x20) to--;
    if (from === to) return null;
    const [rawStart, rawEnd] = toOriginalRange(piece.folded, from, to);
    return { start: piece.from + rawStart, end: piece.from + rawEnd, errors };
  }

  private pieceAt(at: number): Piece | undefined {
    let low = 0;
    let high = this.pieces.length - 1;
    let found: Piece | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const piece = this.pieces[middle];
      if (piece && piece.at <= at) {
        found = piece;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/** `ranges` minus `cuts` (both sorted by start). */
function subtract(
  ranges: Array<[number, number]>,
  cuts: Array<[number, number]>,
): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    let at = from;
    for (const [cutFrom, cutTo] of cuts) {
      if (cutTo <= at || cutFrom >= to) continue;
      if (cutFrom > at) result.push([at, cutFrom]);
      at = Math.max(at, cutTo);
    }
    if (at < to) result.push([at, to]);
  }
  return result;
}
