import { describe, expect, it, vi } from 'vitest';
import { keepBackedUp } from '../../src/core/backups/automaticBackups';
import type { BackupScheduler, SchedulerClock } from '../../src/core/backups/backupScheduler';
import { defaultSchedule } from '../../src/core/backups/backupScheduler';
import { listBackups } from '../../src/core/backups/listBackups';
import type { NotebookEvent } from '../../src/shared/notebookEvents';
import { NotebookEventHub } from '../../src/shared/notebookEventHub';
import { useTempCore } from './support/tempCore';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Timers that run only when the test moves time on. */
class ManualClock implements SchedulerClock {
  private time = Date.parse('2026-12-04T09:00:00Z');
  private timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  /** Moves time on by `ms`, running each timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].run();
    }
    this.time = end;
  }
}

describe('automatic backups', () => {
  const temp = useTempCore();

  function start() {
    const clock = new ManualClock();
    const events = new NotebookEventHub();
    const announced: NotebookEvent[] = [];
    const made: Array<Promise<unknown>> = [];
    const scheduler: BackupScheduler = keepBackedUp(
      {
        databaseFile: temp.core.databaseFile,
        backUp: (reason) => {
          const backup = temp.core.backUp(reason);
          made.push(backup);
          return backup;
        },
        subscribe: (listener) => events.subscribe(listener),
        announce: (event) => announced.push(event),
      },
      { clock },
    );
    const change = () => {
      temp.core.createNote({ title: 'A line', text: 'More words.' });
      events.emit({ type: 'changed', changed: ['notes'] });
    };
    const settle = async () => {
      await Promise.all(made);
      await vi.waitFor(() => expect(announced).toHaveLength(made.length));
    };
    return { clock, scheduler, change, made, announced, settle, events };
  }

  it('make none without changes', async () => {
    const { clock, scheduler, made, events } = start();
    clock.advance(24 * HOUR);
    // A backup's own announcement is not a change to the notebook.
    events.emit({ type: 'changed', changed: ['backups'] });
    clock.advance(24 * HOUR);
    expect(made).toHaveLength(0);
    await scheduler.stop();
    expect(listBackups(temp.core.databaseFile)).toEqual([]);
  });

  it('make one once the notebook has been idle after a change, and announce it', async () => {
    const { clock, scheduler, change, made, announced, settle } = start();
    change();
    clock.advance(defaultSchedule.idleMs - MINUTE);
    change(); // Still busy: the wait starts again.
    clock.advance(defaultSchedule.idleMs - MINUTE);
    expect(made).toHaveLength(0);
    clock.advance(MINUTE);
    expect(made).toHaveLength(1);
    await settle();
    expect(announced).toEqual([{ type: 'changed', changed: ['backups'] }]);
    const [backup, ...others] = listBackups(temp.core.databaseFile);
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'automatic', verified: true });

    // Nothing more without a change; a later change waits for the interval since the last one.
    clock.advance(10 * HOUR);
    expect(made).toHaveLength(1);
    change();
    clock.advance(defaultSchedule.idleMs);
    await settle();
    expect(made).toHaveLength(2);
    change();
    clock.advance(HOUR);
    expect(made).toHaveLength(2);
    clock.advance(defaultSchedule.minIntervalMs);
    expect(made).toHaveLength(3);
    await settle();
    await scheduler.stop();
    expect(listBackups(temp.core.databaseFile)).toHaveLength(3);
  });

  it('back up changes that never pause once they have waited long enough', async () => {
    const { clock, scheduler, change, made, settle } = start();
    for (let elapsed = 0; elapsed < defaultSchedule.maxWaitMs; elapsed += MINUTE) {
      change();
      clock.advance(MINUTE);
    }
    expect(made).toHaveLength(1);
    await settle();
    await scheduler.stop();
  });

  it('start the interval from the newest backup already in the folder', async () => {
    await temp.core.backUp('manual');
    const { clock, scheduler, change, made } = start();
    change();
    clock.advance(defaultSchedule.idleMs);
    // The manual backup was made moments ago by the real clock; the manual clock is earlier still.
    expect(made).toHaveLength(0);
    await scheduler.stop();
  });
});
