/**
 * Tokens for diffing two versions of a text: words, runs of whitespace, and single
 * other characters (punctuation, symbols, emoji; each ideograph or Thai letter on
 * its own, since those scripts do not separate words with spaces).
 *
 * A token's key is a hash of its folded form (src/core/text/fold.ts), so versions
 * that differ only in case, accents, quote marks, dashes, invisible characters or
 * whitespace have equal keys. The hash has 53 bits: two different words sharing
 * one is too unlikely to matter, and hashing spares building a string per token
 * (a long article has hundreds of thousands). Offsets stay those of the real text
 * (UTF-16 code units).
 */
import { foldString } from '../text/fold';

export interface Tokens {
  /** Token i is text[starts[i], starts[i + 1]); the last entry is the text's length. */
  readonly starts: Int32Array;
  /** The key of each token: equal keys, equal folded text. */
  readonly keys: Float64Array;
  /** Where chunks (sentences, paragraphs) start, as token indexes, ending with the token count. */
  readonly chunkStarts: Int32Array;
}

const enum Kind {
  Unknown = 0,
  Word = 1,
  Space = 2,
  Single = 3,
  /** A letter of a script written without spaces: one token each. */
  Ideograph = 4,
  HighSurrogate = 5,
}

const kinds = new Uint8Array(0x10000);
const wordChar = /[\p{L}\p{N}\p{M}\p{Cf}]/u;
const unspacedScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const whiteSpace = /\p{White_Space}/u;
/** Marks after which a sentence ends (the chunk ends with the whitespace after them). */
const sentenceEnds = new Set([...'.!?;…。！？؟۔।'].map((c) => c.charCodeAt(0)));

function kindOfCodePoint(char: string): Kind {
  if (whiteSpace.test(char)) return Kind.Space;
  if (unspacedScript.test(char)) return Kind.Ideograph;
  if (wordChar.test(char)) return Kind.Word;
  return Kind.Single;
}

function kindOf(code: number): Kind {
  let kind = kinds[code] as Kind;
  if (kind === Kind.Unknown) {
    if (code >= 0xd800 && code <= 0xdbff) kind = Kind.HighSurrogate;
    else if (code >= 0xdc00 && code <= 0xdfff) kind = Kind.Single;
    else kind = kindOfCodePoint(String.fromCharCode(code));
    kinds[code] = kind;
  }
  return kind;
}

/** Folded forms of tokens that are not plain ASCII; one per diff, most words repeat. */
export class FoldCache {
  private readonly folds = new Map<string, string>();

  fold(token: string): string {
    let folded = this.folds.get(token);
    if (folded === undefined) {
      folded = foldString(token, { collapseWhitespace: true });
      if (this.folds.size >= 100_000) this.folds.clear();
      this.folds.set(token, folded);
    }
    return folded;
  }
}

/** The 53-bit key of a folded string. */
function hashString(folded: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x27d4eb2f;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return combine(h1, h2);
}

function combine(h1: number, h2: number): number {
  return (h1 >>> 0) * 0x200000 + ((h2 ^ (h2 >>> 15)) & 0x1fffff);
}

const SPACE_KEY = hashString(' ');
const NEWLINE = 0x0a;
const PARAGRAPH_SEPARATOR = 0x2029;

/** Splits `text` into keyed tokens and chunks. */
export function tokenize(text: string, folds: FoldCache): Tokens {
  const starts = new Int32Array(text.length + 1);
  const keys = new Float64Array(text.length);
  const chunkStarts: number[] = [0];
  let count = 0;
  let sentenceEnded = false;
  let i = 0;
  while (i < text.length) {
    const start = i;
    const code = text.charCodeAt(i);
    let kind = kindOf(code);
    let width = 1;
    if (kind === Kind.HighSurrogate) {
      const point = text.codePointAt(i) ?? code;
      width = point > 0xffff ? 2 : 1;
      kind = width === 2 ? kindOfCodePoint(String.fromCodePoint(point)) : Kind.Single;
    }
    i += width;
    let key: number;
    if (kind === Kind.Space) {
      let newline = code === NEWLINE || code === PARAGRAPH_SEPARATOR;
      for (; i < text.length && kindOf(text.charCodeAt(i)) === Kind.Space; i++) {
        const next = text.charCodeAt(i);
        newline ||= next === NEWLINE || next === PARAGRAPH_SEPARATOR;
      }
      key = SPACE_KEY;
      starts[count] = start;
      keys[count++] = key;
      // A chunk ends after a line break, or after the whitespace that ends a sentence.
      if ((newline || sentenceEnded) && i < text.length) chunkStarts.push(count);
      sentenceEnded = false;
      continue;
    }
    if (kind === Kind.Word) {
      // (Letters beyond the BMP are rare: they end a word and stand alone.)
      while (i < text.length && kindOf(text.charCodeAt(i)) === Kind.Word) i++;
      // Plain ASCII words fold to lower case: hash them as they are.
      let h1 = 0x811c9dc5;
      let h2 = 0x27d4eb2f;
      let ascii = true;
      for (let j = start; j < i; j++) {
        const c = text.charCodeAt(j);
        if (c >= 0x80) {
          ascii = false;
          break;
        }
        const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
        h1 = Math.imul(h1 ^ lower, 0x01000193);
        h2 = Math.imul(h2 ^ lower, 0x5bd1e995);
      }
      key = ascii ? combine(h1, h2) : hashString(folds.fold(text.slice(start, i)));
    } else if (code < 0x80) {
      key = hashString(text.charAt(start));
    } else {
      key = hashString(folds.fold(text.slice(start, i)));
    }
    sentenceEnded = width === 1 && sentenceEnds.has(code);
    starts[count] = start;
    keys[count++] = key;
  }
  starts[count] = text.length;
  chunkStarts.push(count);
  return {
    starts: starts.subarray(0, count + 1),
    keys: keys.subarray(0, count),
    chunkStarts: Int32Array.from(chunkStarts),
  };
}

/** The key of each chunk: a hash of its tokens' keys. */
export function chunkKeys(tokens: Tokens): number[] {
  const result: number[] = [];
  const { keys, chunkStarts } = tokens;
  for (let c = 0; c + 1 < chunkStarts.length; c++) {
    let h1 = 0x811c9dc5;
    let h2 = 0x27d4eb2f;
    for (let t = chunkStarts[c] ?? 0; t < (chunkStarts[c + 1] ?? 0); t++) {
      const key = keys[t] ?? 0;
      const high = (key / 0x200000) | 0;
      const low = key % 0x200000;
      h1 = Math.imul(h1 ^ high, 0x01000193);
      h1 = Math.imul(h1 ^ low, 0x01000193);
      h2 = Math.imul(h2 ^ low, 0x5bd1e995);
      h2 = Math.imul(h2 ^ high, 0x5bd1e995);
    }
    result.push(combine(h1, h2));
  }
  return result;
}
