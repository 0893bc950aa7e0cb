/**
 * The library's summaries kept current from the notebook's changes: read whole
 * at first and on a change that does not say what it touched, otherwise only
 * the sources touched; one read at a time, in order.
 */
import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../src/shared/api';
import {
  patchSummaries,
  SummaryListing,
  type ListingState,
} from '../../src/renderer/library/summaryListing';

const summary = (id: string, title = `Source ${id}`) => ({ id, title }) as SourceSummary;
const ids = (summaries: readonly SourceSummary[] | undefined) => summaries?.map(({ id }) => id);

/** A reader whose answers the test gives by hand, and what it was asked. */
function handReader() {
  const asked: Array<{ all: true } | { some: string[] }> = [];
  const answers: Array<(summaries: SourceSummary[]) => void> = [];
  const failures: Array<(error: Error) => void> = [];
  const pending = <T>(ask: (typeof asked)[number]) =>
    new Promise<T>((resolve, reject) => {
      asked.push(ask);
      answers.push(resolve as (summaries: SourceSummary[]) => void);
      failures.push(reject);
    });
  const states: ListingState[] = [];
  const listing = new SummaryListing(
    {
      listAll: () => pending({ all: true }),
      readSome: (sourceIds) => pending({ some: sourceIds }),
    },
    (state) => states.push(state),
    (error) => (error as Error).message,
  );
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const answer = async (summaries: SourceSummary[]) => {
    answers.shift()!(summaries);
    failures.shift();
    await flush();
  };
  const fail = async (message: string) => {
    failures.shift()!(new Error(message));
    answers.shift();
    await flush();
  };
  return { listing, asked, states, answer, fail, last: () => states.at(-1)! };
}

describe('the library summaries', () => {
  it('are read whole first, then only the sources a change names', async () => {
    const { listing, asked, answer, last } = handReader();
    listing.start();
    expect(last().settled).toBe(false);
    await answer([summary('3'), summary('2'), summary('1')]);
    expect(ids(last().summaries)).toEqual(['3', '2', '1']);
    expect(last().settled).toBe(true);

    listing.changed(['2', '4']);
    expect(last().settled).toBe(false);
    await answer([summary('4'), summary('2', 'Renamed')]);
    expect(asked).toEqual([{ all: true }, { some: ['2', '4'] }]);
    expect(last().summaries).toEqual([
      summary('4'),
      summary('3'),
      summary('2', 'Renamed'),
      summary('1'),
    ]);
    expect(last().settled).toBe(true);
  });

  it('gather the sources named while a read runs into one read after it', async () => {
    const { listing, asked, answer } = handReader();
    listing.start();
    listing.changed(['1']);
    listing.changed(['2', '1']);
    await answer([summary('1')]);
    // Asked before the whole list arrived: the list is read whole again, not patched.
    expect(asked).toEqual([{ all: true }, { all: true }]);
    await answer([summary('2'), summary('1')]);

    listing.changed(['1']);
    listing.changed(['2']);
    // Changed again after its read began: read again.
    listing.changed(['1']);
    await answer([summary('1', 'First')]);
    await answer([summary('2', 'Second'), summary('1', 'Again')]);
    expect(asked.slice(2)).toEqual([{ some: ['1'] }, { some: ['2', '1'] }]);
  });

  it('read the whole list again for a change that does not say what it touched', async () => {
    const { listing, asked, answer, last } = handReader();
    listing.start();
    await answer([summary('1')]);
    listing.changed(['1']);
    listing.changed(['5']);
    listing.changed(undefined);
    await answer([summary('1', 'Patched')]);
    await answer([summary('9'), summary('1')]);
    expect(asked).toEqual([{ all: true }, { some: ['1'] }, { all: true }]);
    expect(ids(last().summaries)).toEqual(['9', '1']);
    expect(last().settled).toBe(true);
  });

  it('keep the last summaries and say why when a read fails, and read again on the next change', async () => {
    const { listing, answer, fail, last } = handReader();
    listing.start();
    await answer([summary('1')]);
    listing.changed(['1']);
    await fail('reader busy');
    expect(last()).toEqual({ summaries: [summary('1')], error: 'reader busy', settled: true });
    listing.changed(['1']);
    await answer([summary('1', 'Back')]);
    expect(last()).toEqual({ summaries: [summary('1', 'Back')], error: undefined, settled: true });
  });

  it('hear nothing more once stopped', async () => {
    const { listing, asked, states, answer } = handReader();
    listing.start();
    listing.changed(undefined);
    listing.stop();
    const heard = states.length;
    await answer([summary('1')]);
    expect(states).toHaveLength(heard);
    expect(asked).toHaveLength(1);
  });
});

describe('patchSummaries', () => {
  it('replaces, removes and adds (newest first) only the sources asked for', () => {
    const before = [summary('3'), summary('2'), summary('1')];
    const after = patchSummaries(before, ['5', '2', '3', '4'], [summary('3', 'New'), summary('5')]);
    expect(after).toEqual([summary('5'), summary('3', 'New'), summary('1')]);
    expect(after[2]).toBe(before[2]);
  });
});
