/**
 * The library's summaries, kept current from the notebook's changes. A change
 * that says which sources it touched reads those alone; one that does not (a
 * write by another program, the trash emptied) reads the whole list again —
 * about a second and 30 MB at 100,000 articles. One read runs at a time, in
 * the order asked (so a later answer never lands under an earlier one), and
 * what is asked meanwhile is gathered into the next read.
 */
import type { SourceSummary } from '../../shared/api';

export interface SummaryReader {
  /** Every source outside the trash. */
  listAll(): Promise<SourceSummary[]>;
  /** Those of `sourceIds` outside the trash. */
  readSome(sourceIds: string[]): Promise<SourceSummary[]>;
}

export interface ListingState {
  summaries: SourceSummary[] | undefined;
  error: string | undefined;
  /** No read waiting or running: the summaries are those of the last change heard. */
  settled: boolean;
}

export class SummaryListing {
  private summaries: SourceSummary[] | undefined;
  private error: string | undefined;
  private wantsAll = true;
  private readonly wantedIds = new Set<string>();
  private reading = false;
  private stopped = false;

  constructor(
    private readonly reader: SummaryReader,
    private readonly onState: (state: ListingState) => void,
    private readonly describe: (error: unknown) => string,
  ) {}

  /** Reads the whole list (the first read). */
  start(): void {
    this.next();
  }

  /** Sources changed: those of `sourceIds`, or any when it is not known which. */
  changed(sourceIds: readonly string[] | undefined): void {
    if (sourceIds === undefined || this.summaries === undefined) this.wantsAll = true;
    else for (const id of sourceIds) this.wantedIds.add(id);
    this.next();
  }

  stop(): void {
    this.stopped = true;
  }

  private next(): void {
    if (this.reading || this.stopped) return;
    if (this.wantsAll) {
      this.wantsAll = false;
      this.wantedIds.clear();
      this.read(this.reader.listAll(), (all) => all);
    } else if (this.wantedIds.size > 0) {
      const ids = [...this.wantedIds];
      this.wantedIds.clear();
      this.read(this.reader.readSome(ids), (found) =>
        patchSummaries(this.summaries ?? [], ids, found),
      );
    } else {
      this.report();
    }
  }

  private read<T>(pending: Promise<T>, apply: (answer: T) => SourceSummary[]): void {
    this.reading = true;
    this.report();
    pending
      .then(
        (answer) => {
          this.summaries = apply(answer);
          this.error = undefined;
        },
        (error: unknown) => {
          this.error = this.describe(error);
        },
      )
      .finally(() => {
        this.reading = false;
        if (!this.stopped) this.next();
      });
  }

  private report(): void {
    const settled = !this.reading && !this.wantsAll && this.wantedIds.size === 0;
    this.onState({ summaries: this.summaries, error: this.error, settled });
  }
}

/**
 * `summaries` with the entries of `askedIds` replaced by those `found` (the
 * new ones first: they are the newest saved) and removed where not found (in
 * the trash or deleted).
 */
export function patchSummaries(
  summaries: readonly SourceSummary[],
  askedIds: readonly string[],
  found: readonly SourceSummary[],
): SourceSummary[] {
  const foundById = new Map(found.map((summary) => [summary.id, summary]));
  const asked = new Set(askedIds);
  const kept = summaries.flatMap((summary) => {
    if (!asked.has(summary.id)) return [summary];
    const now = foundById.get(summary.id);
    foundById.delete(summary.id);
    return now ? [now] : [];
  });
  return [...foundById.values(), ...kept];
}
