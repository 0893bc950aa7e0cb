/**
 * Text folding: text made comparable with other text, with a map back to the
 * original so that a match found in the folded text lands on the real one. Passage
 * quotes are found with it and search keys are built from it.
 *
 * Folding applies NFKD (so `ﬁ`, full-width letters and Arabic presentation forms
 * become plain letters); drops invisible characters (soft hyphen, zero-width
 * characters, BOM, bidi controls and other format or control characters); turns
 * typographic quotes and dashes into ASCII; lower-cases; ignores accents and other
 * diacritics (Latin, Greek, Cyrillic, Hebrew niqqud, Arabic harakat); applies the
 * letter folds of `letterFolds` (Arabic, Persian, a few Latin letters); and
 * recomposes (NFC) so that Korean syllables and Japanese voiced kana stay one
 * character. Whitespace becomes spaces.
 *
 * Folding works on clusters (a character and the combining marks after it), so
 * every folded range maps back to whole clusters and never splits an accent from
 * its letter.
 */
import { isIgnoredMark, letterFolds, punctuationFolds } from './foldTables';
import { MappingFoldSink, PlainFoldSink, type FoldSink, type FoldedText } from './foldedText';

export { toOriginalRange, type FoldedText } from './foldedText';

export interface FoldOptions {
  /** Each run of whitespace becomes one space; otherwise each whitespace character does. */
  collapseWhitespace: boolean;
}

/** `text` folded, with a map back to it (see `toOriginalRange`). */
export function foldText(text: string, options: FoldOptions): FoldedText {
  const sink = new MappingFoldSink(text.length);
  foldInto(text, options, sink);
  return sink.result();
}

/** The folded string alone: the same as `foldText(...).folded`, cheaper when nothing maps back. */
export function foldString(text: string, options: FoldOptions): string {
  const sink = new PlainFoldSink();
  foldInto(text, options, sink);
  return sink.folded;
}

const whiteSpace = /\p{White_Space}/u;
const invisible = /[\p{Cf}\p{Cc}]/u;
const mark = /\p{M}/u;
/**
 * What joins the character before it into one cluster: combining marks, and the
 * half-width katakana voicing marks (letters that NFKD turns into combining marks,
 * so ｶﾞ folds like ガ).
 */
const clusterExtender = /[\p{M}\uff9e\uff9f]/u;
const clusterExtenders = /[\p{M}\uff9e\uff9f]+/uy;

function foldCluster(cluster: string): string {
  let folded = '';
  for (const char of cluster.normalize('NFKD').toLowerCase()) {
    if (whiteSpace.test(char)) folded += ' ';
    else if (invisible.test(char)) continue;
    else if (mark.test(char) && isIgnoredMark(char.codePointAt(0) ?? 0)) continue;
    else folded += letterFolds.get(char) ?? punctuationFolds.get(char) ?? char;
  }
  return folded.normalize('NFC');
}

const space = 0x20;
const needsCluster = -1;
const unknown = -2;

/**
 * Folds clusters, remembering the answers: most text repeats a few thousand
 * clusters. Most characters also fold to exactly one UTF-16 unit whatever
 * surrounds them (letters, CJK, most punctuation); a table of those lets long runs
 * be folded without slicing each character out.
 */
class ClusterFolder {
  private readonly clusters = new Map<string, string>();
  private readonly units = new Int32Array(0x10000).fill(unknown);

  /** One cluster folded; a space in the result stands for whitespace. */
  cluster(cluster: string): string {
    let folded = this.clusters.get(cluster);
    if (folded === undefined) {
      // Bounded, so an adversarial text cannot grow it without limit.
      if (this.clusters.size >= 50_000) this.clusters.clear();
      folded = foldCluster(cluster);
      this.clusters.set(cluster, folded);
    }
    return folded;
  }

  /** The one unit the code unit `code` folds to on its own, or `needsCluster`. */
  unit(code: number): number {
    const unit = this.units[code] ?? needsCluster;
    return unit === unknown ? this.learnUnit(code) : unit;
  }

  /** `text[start, end)` folded unit for unit (each must have a `unit`, or be a space). */
  run(text: string, start: number, end: number): string {
    const chunk: number[] = [];
    let folded = '';
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      chunk.push(code === space ? space : this.unit(code));
      if (chunk.length === 4096 || i === end - 1) {
        folded += String.fromCharCode(...chunk);
        chunk.length = 0;
      }
    }
    return folded;
  }

  private learnUnit(code: number): number {
    const char = String.fromCharCode(code);
    // Surrogates and cluster extenders only fold as part of their cluster.
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const folded = isSurrogate || clusterExtender.test(char) ? '' : this.cluster(char);
    const unit = folded.length === 1 && folded !== ' ' ? folded.charCodeAt(0) : needsCluster;
    this.units[code] = unit;
    return unit;
  }
}

const folder = new ClusterFolder();

/** Index just past the cluster extenders that start at `at` (`at` itself when none do). */
function skipExtenders(text: string, at: number): number {
  // Every extender is at U+0300 or above; spare the regex for the rest.
  if (at >= text.length || text.charCodeAt(at) < 0x300) return at;
  clusterExtenders.lastIndex = at;
  return clusterExtenders.test(text) ? clusterExtenders.lastIndex : at;
}

function isAsciiWhiteSpace(code: number): boolean {
  return code === space || (code >= 0x09 && code <= 0x0d);
}

function foldInto(text: string, options: FoldOptions, sink: FoldSink): void {
  const writer = new SpaceWriter(sink, options.collapseWhitespace);
  let i = 0;
  while (i < text.length) {
    const start = i;
    let unchanged = true;
    let ascii = true;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === space) {
        // A space folds alone unless it is to merge with whitespace before it.
        const afterSpace = i === start ? writer.pendingSpace : text.charCodeAt(i - 1) === space;
        if (afterSpace && options.collapseWhitespace) break;
        continue;
      }
      const unit = folder.unit(code);
      if (unit === needsCluster) break;
      unchanged &&= unit === code;
      ascii &&= code < 0x80;
    }
    // A character taking combining marks folds with them; a last space may merge
    // with whitespace after it.
    if (i > start && skipExtenders(text, i) > i) i--;
    if (i > start && text.charCodeAt(i - 1) === space && options.collapseWhitespace) i--;
    if (i > start) {
      // Printable ASCII folds to its lower case; saying so spares the table lookups.
      const run = text.slice(start, i);
      const folded = unchanged ? run : ascii ? run.toLowerCase() : folder.run(text, start, i);
      writer.writeAligned(folded, start);
      continue;
    }
    const end = skipExtenders(text, i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1));
    if (end === i + 1 && isAsciiWhiteSpace(text.charCodeAt(i))) writer.writeSpace(i, end);
    else writer.write(folder.cluster(text.slice(i, end)), i, end);
    i = end;
  }
  writer.finish();
}

/** Writes folded clusters, turning whitespace into spaces, each run into one if asked. */
class SpaceWriter {
  private spaceStart = -1;
  private spaceEnd = -1;

  constructor(
    private readonly sink: FoldSink,
    private readonly collapse: boolean,
  ) {}

  get pendingSpace(): boolean {
    return this.spaceStart >= 0;
  }

  /** `folded` has one unit per unit of the original from `start`, and no whitespace to merge. */
  writeAligned(folded: string, start: number): void {
    this.flushSpace();
    this.sink.appendAligned(folded, start);
  }

  writeSpace(start: number, end: number): void {
    if (!this.collapse) {
      this.sink.append(' ', start, end);
      return;
    }
    if (this.spaceStart < 0) this.spaceStart = start;
    this.spaceEnd = end;
  }

  write(folded: string, start: number, end: number): void {
    if (!folded.includes(' ')) {
      if (!folded) return;
      this.flushSpace();
      this.sink.append(folded, start, end);
      return;
    }
    for (const piece of folded.split(/( +)/)) {
      if (piece.startsWith(' ')) this.writeSpace(start, end);
      else if (piece) {
        this.flushSpace();
        this.sink.append(piece, start, end);
      }
    }
  }

  finish(): void {
    this.flushSpace();
  }

  private flushSpace(): void {
    if (this.spaceStart < 0) return;
    this.sink.append(' ', this.spaceStart, this.spaceEnd);
    this.spaceStart = -1;
  }
}
