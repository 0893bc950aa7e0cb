/**
 * Widens ranges of a text to whole grapheme clusters (`Intl.Segmenter`), so an
 * anchor never ends inside an emoji sequence, a flag, or a letter with its marks.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export class GraphemeSnapper {
  private segments: Intl.Segments | undefined;

  constructor(private readonly text: string) {}

  /** `[start, end)` widened to whole clusters. */
  snap(start: number, end: number): [number, number] {
    return [this.snapStart(start), Math.max(this.snapEnd(end), this.snapStart(start))];
  }

  private snapStart(at: number): number {
    if (at <= 0 || at >= this.text.length || !this.mayBeInside(at)) return Math.max(0, at);
    return this.all().containing(at)?.index ?? at;
  }

  private snapEnd(at: number): number {
    if (at <= 0 || at >= this.text.length || !this.mayBeInside(at)) return at;
    const segment = this.all().containing(at);
    if (!segment || segment.index === at) return at;
    return segment.index + segment.segment.length;
  }

  /**
   * Whether `at` may be inside a cluster: a cheap test before asking the segmenter.
   * Below U+0300 (Latin letters, ASCII, Latin-1) every character stands alone; CR LF
   * is the one pair there, and whitespace never ends a match.
   */
  private mayBeInside(at: number): boolean {
    return this.text.charCodeAt(at) >= 0x300 || this.text.charCodeAt(at - 1) >= 0x300;
  }

  private all(): Intl.Segments {
    this.segments ??= segmenter.segment(this.text);
    return this.segments;
  }
}
