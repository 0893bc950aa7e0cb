/** Long operations: progress events, cancelling, one operation per id, and what a cancel leaves. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_STEP_BYTES } from '../../src/core/db/backup';
import { PAGE_SIZE } from '../../src/core/db/openDatabase';
import { dispatch } from '../../src/core/dispatch';
import {
  cancelOperation,
  runOperation,
  stopIfCancelled,
  type OperationRun,
} from '../../src/core/operations';
import type { OperationContext } from '../../src/shared/api';
import type { ProgressEvent } from '../../src/shared/notebookEvents';
import { seededRandom } from './support/seededRandom';
import { expectDossierRejection, useTempCore } from './support/tempCore';

/** A promise the test settles when it chooses, so work can be held "in the middle". */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function recordedRun(operationId: string | undefined): OperationRun & { events: ProgressEvent[] } {
  const events: ProgressEvent[] = [];
  return {
    method: 'rebuildSearchIndex',
    operationId,
    report: (event) => events.push(event),
    events,
  };
}

describe('runOperation', () => {
  it('reports running first and finished last, with the work done so far', async () => {
    const run = recordedRun('op-progress');
    const result = await runOperation(run, async ({ progress }) => {
      progress(1, 2);
      progress(2, 2);
      return 'done';
    });
    expect(result).toBe('done');
    expect(run.events[0]).toEqual({
      type: 'progress',
      operationId: 'op-progress',
      method: 'rebuildSearchIndex',
      state: 'running',
      done: 0,
      total: 0,
    });
    expect(run.events).toContainEqual(expect.objectContaining({ state: 'running', done: 1 }));
    expect(run.events.at(-1)).toMatchObject({ state: 'finished', done: 2, total: 2 });
    expect(run.events.filter((event) => event.state !== 'running')).toHaveLength(1);
    // Finished operations are forgotten: there is nothing left to cancel.
    expect(cancelOperation('op-progress')).toBe(false);
  });

  it('stops work that is cancelled, reporting cancelled with the error', async () => {
    const run = recordedRun('op-cancel');
    const held = gate();
    const working = runOperation(run, async ({ signal }: OperationContext) => {
      await held.opened;
      stopIfCancelled(signal, 'The test work was stopped; nothing was kept.');
      return 'not reached';
    });
    expect(cancelOperation('op-cancel')).toBe(true);
    held.open();
    const error = await expectDossierRejection(() => working, 'cancelled');
    expect(error.message).toBe('The test work was stopped; nothing was kept.');
    expect(run.events.at(-1)).toMatchObject({
      state: 'cancelled',
      error: { code: 'cancelled', message: 'The test work was stopped; nothing was kept.' },
    });
    expect(cancelOperation('op-cancel')).toBe(false);
  });

  it('reports cancelled when the work stops early and returns what it kept', async () => {
    const run = recordedRun('op-partial');
    const held = gate();
    const working = runOperation(run, async ({ signal }) => {
      await held.opened;
      return signal.aborted ? 'partial' : 'whole';
    });
    cancelOperation('op-partial');
    held.open();
    expect(await working).toBe('partial');
    expect(run.events.at(-1)).toMatchObject({ state: 'cancelled' });
  });

  it('refuses a second operation under an id that is running, without starting it', async () => {
    const first = recordedRun('op-twice');
    const held = gate();
    const working = runOperation(first, async () => {
      await held.opened;
      return 'first';
    });
    let secondStarted = false;
    const second = recordedRun('op-twice');
    const error = await expectDossierRejection(
      () =>
        runOperation(second, async () => {
          secondStarted = true;
          return 'second';
        }),
      'conflict',
    );
    expect(error.message).toContain('op-twice');
    expect(secondStarted).toBe(false);
    expect(second.events).toEqual([]);
    held.open();
    expect(await working).toBe('first');
    // Once the first has finished, the id is free again.
    expect(await runOperation(recordedRun('op-twice'), async () => 'third')).toBe('third');
  });

  it('reports a failure with its error and forgets the operation', async () => {
    const run = recordedRun('op-fail');
    await expect(
      runOperation(run, async () => {
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(run.events.at(-1)).toMatchObject({
      state: 'failed',
      error: { code: 'internal', message: 'Internal error: disk on fire' },
    });
    expect(cancelOperation('op-fail')).toBe(false);
  });

  it('runs work without an operationId quietly, never cancelled', async () => {
    const run = recordedRun(undefined);
    const aborted = await runOperation(run, async ({ signal, progress }) => {
      progress(1, 1);
      return signal.aborted;
    });
    expect(aborted).toBe(false);
    expect(run.events).toEqual([]);
  });
});

describe('a backup cancelled midway', () => {
  const notebook = useTempCore();

  /** About 5 MiB with its index: over a thousand pages, so the copy takes several steps. */
  /** Several MB of notebook: texts of made-up words, which compress no better than real ones. */
  async function fillNotebook(): Promise<void> {
    const random = seededRandom(12);
    const word = () =>
      Array.from({ length: 2 + Math.floor(random() * 8) }, () =>
        String.fromCharCode(97 + Math.floor(random() * 26)),
      ).join('');
    for (let index = 0; index < 8; index++) {
      const text = Array.from({ length: 2000 }, (_, line) =>
        [`${index}-${line}`, ...Array.from({ length: 12 }, word)].join(' '),
      );
      await notebook.core.importText({ title: `Log ${index}`, text: text.join('\n\n') });
    }
  }

  it('leaves no file behind and reports cancelled', async () => {
    await fillNotebook();
    const destination = path.join(notebook.dir, 'backup.db');
    const events: ProgressEvent[] = [];
    const response = await dispatch(
      notebook.core,
      'backupNotebook',
      { destination, operationId: 'backup-1' },
      {
        onProgress(event) {
          events.push(event);
          // Cancelled at the first report that knows the size: the copy has steps left.
          if (event.state === 'running' && event.total > 0) cancelOperation('backup-1');
        },
      },
    );
    expect(response).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const sized = events.find((event) => event.total > 0);
    // More than two steps were left when it was cancelled.
    expect((sized?.total ?? 0) * PAGE_SIZE).toBeGreaterThan(3 * BACKUP_STEP_BYTES);
    expect(events.at(-1)).toMatchObject({ operationId: 'backup-1', state: 'cancelled' });
    expect(fs.existsSync(destination)).toBe(false);
    expect(fs.readdirSync(notebook.dir).filter((name) => name.startsWith('backup'))).toEqual([]);

    // The name is free again: the next backup succeeds.
    const again = await dispatch(notebook.core, 'backupNotebook', { destination });
    expect(again).toMatchObject({ ok: true, value: { file: destination } });
  });
});
