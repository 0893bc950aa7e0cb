/**
 * Widens ranges of a text to whole grapheme clusters (`Intl.Segmenter`), so an
 * anchor never ends inside an emoji sequence, a flag, or a letter with its marks.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Clusters never span this far; a window this wide either side is enough to find one. */
const REACH = 256;

export class GraphemeSnapper {
  constructor(private readonly text: string) {}

  /** `[start, end)` widened to whole clusters. */
  snap(start: number, end: number): [number, number] {
    const from = this.clusterStart(start);
    return [from, Math.max(from, this.clusterEnd(end))];
  }

  /** The start of the cluster that `at` is in. */
  private clusterStart(at: number): number {
    if (at <= 0 || at >= this.text.length || !this.mayBeInside(at)) return Math.max(0, at);
    const [from, segments] = this.around(at);
    return from + (segments.containing(at - from)?.index ?? at - from);
  }

  /** `at`, or the end of the cluster it cuts. */
  private clusterEnd(at: number): number {
    if (at <= 0 || at >= this.text.length || !this.mayBeInside(at)) return at;
    const [from, segments] = this.around(at);
    const segment = segments.containing(at - from);
    if (!segment || from + segment.index === at) return at;
    return from + segment.index + segment.segment.length;
  }

  /**
   * Whether `at` may be inside a cluster: a cheap test before asking the segmenter.
   * Below U+0300 (Latin letters, ASCII, Latin-1) every character stands alone; CR LF
   * is the one pair there, and whitespace never ends a match.
   */
  private mayBeInside(at: number): boolean {
    return this.text.charCodeAt(at) >= 0x300 || this.text.charCodeAt(at - 1) >= 0x300;
  }

  /**
   * The clusters of a stretch around `at`, cut where a cluster surely starts (before
   * an ASCII character other than the LF of CR LF), so segmenting it agrees with
   * segmenting the whole text; segmenting a whole long article each time would cost
   * milliseconds per anchor.
   */
  private around(at: number): [number, Intl.Segments] {
    const { text } = this;
    let from = at;
    while (from > 0 && at - from < REACH && !this.startsCluster(from)) from--;
    let to = at + 1;
    while (to < text.length && to - at < REACH && !this.startsCluster(to)) to++;
    return [from, segmenter.segment(text.slice(from, to))];
  }

  private startsCluster(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return code < 0x80 && !(code === 0x0a && this.text.charCodeAt(at - 1) === 0x0d);
  }
}
