/**
 * The text of the block being gathered, as runs under the inline marks
 * (strong, emphasis, code, link) open where each piece was read. Text under
 * the same marks joins the run before it, so a block is assembled from few
 * runs however many elements its text was split across.
 */
import type { RunMark, TextRun } from '../documentBuilder';

const LINE_BREAK: TextRun = { lineBreak: true };

export class InlineRuns {
  private runs: TextRun[] = [];
  /** The outermost open mark of each kind, and how many of that kind are open. */
  private readonly openMarks = new Map<RunMark['kind'], { mark: RunMark; count: number }>();
  private markSnapshot: readonly RunMark[] | null = null;

  addText(data: string): void {
    if (data === '') return;
    const marks = this.currentMarks();
    const last = this.runs[this.runs.length - 1];
    if (last && 'text' in last && sameMarks(last.marks ?? [], marks)) {
      last.text += data;
      return;
    }
    this.runs.push(marks.length > 0 ? { text: data, marks } : { text: data });
  }

  addLineBreak(): void {
    this.runs.push(LINE_BREAK);
  }

  /** A space between words of one block (a heading's inner blocks), unmarked and on its own. */
  addSpace(): void {
    this.runs.push({ text: ' ' });
  }

  /** Puts the text that follows under `mark`; returns what takes it off again. */
  openMark(mark: RunMark): () => void {
    const open = this.openMarks.get(mark.kind);
    if (open) open.count++;
    else this.openMarks.set(mark.kind, { mark, count: 1 });
    this.markSnapshot = null;
    return () => {
      const closing = this.openMarks.get(mark.kind)!;
      if (--closing.count === 0) this.openMarks.delete(mark.kind);
      this.markSnapshot = null;
    };
  }

  /**
   * Whether the text gathered so far is empty or ends a line (so a break here
   * would add nothing); in preformatted text a written newline ends one too.
   */
  endsWithBreak(preformatted: boolean): boolean {
    for (let index = this.runs.length - 1; index >= 0; index--) {
      const run = this.runs[index]!;
      if ('lineBreak' in run) return true;
      if (preformatted && /\n[ \t]*$/.test(run.text)) return true;
      if (/\S/.test(run.text)) return false;
    }
    return true;
  }

  /** The runs gathered so far, starting afresh; null when there are none. */
  take(): TextRun[] | null {
    if (this.runs.length === 0) return null;
    const runs = this.runs;
    this.runs = [];
    return runs;
  }

  /** The marks open here, each kind once (the outermost link wins: links cannot nest). */
  private currentMarks(): readonly RunMark[] {
    this.markSnapshot ??= [...this.openMarks.values()].map((open) => open.mark);
    return this.markSnapshot;
  }
}

function sameMarks(a: readonly RunMark[], b: readonly RunMark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark, index) => {
      const other = b[index]!;
      return (
        mark.kind === other.kind &&
        (mark.kind !== 'link' || mark.href === (other as typeof mark).href)
      );
    })
  );
}
