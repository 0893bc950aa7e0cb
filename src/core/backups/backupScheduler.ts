/**
 * When automatic backups are made: once the notebook has changed and then
 * been left alone for a while (`idleMs`), at most once per `minIntervalMs`;
 * changes that never pause are backed up anyway after `maxWaitMs`. The clock
 * and timers are injected so tests can move time by hand.
 */

export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A pending backup never keeps a finished process alive.
    timer.unref();
    return timer;
  },
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export interface BackupSchedule {
  /** How long the notebook must go without a change before a backup starts. */
  idleMs: number;
  /** The least time between two automatic backups. */
  minIntervalMs: number;
  /** Changes waiting this long are backed up even if they never pause. */
  maxWaitMs: number;
  /** After a failed backup, the next try waits this long. */
  retryMs: number;
}

const MINUTE = 60_000;
export const defaultSchedule: BackupSchedule = {
  idleMs: 2 * MINUTE,
  minIntervalMs: 4 * 60 * MINUTE,
  maxWaitMs: 8 * 60 * MINUTE,
  retryMs: 15 * MINUTE,
};

export interface SchedulerOptions {
  /** Makes one backup (and rotates); the scheduler never runs two at once. */
  backUp(): Promise<unknown>;
  /** When the newest backup was made (ms since the epoch), null when there is none. */
  lastBackupAt: number | null;
  onError(error: unknown): void;
  clock?: SchedulerClock;
  schedule?: BackupSchedule;
}

export interface BackupScheduler {
  /** The notebook changed (a mutation was answered, or another process wrote to it). */
  noteChange(): void;
  /** No backup starts after this; resolves once one under way has ended. */
  stop(): Promise<void>;
}

export function startBackupScheduler(options: SchedulerOptions): BackupScheduler {
  const { clock = systemClock, schedule = defaultSchedule } = options;
  let lastBackupAt = options.lastBackupAt;
  /** When the oldest change not yet backed up was noticed; null when there is none. */
  let waitingSince: number | null = null;
  let lastChangeAt = 0;
  let notBefore = 0;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  function dueAt(): number {
    const afterIdle = Math.min(lastChangeAt + schedule.idleMs, waitingSince! + schedule.maxWaitMs);
    const afterLast = lastBackupAt === null ? 0 : lastBackupAt + schedule.minIntervalMs;
    return Math.max(afterIdle, afterLast, notBefore);
  }

  function arm(): void {
    if (stopped || running || waitingSince === null) return;
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(fire, Math.max(0, dueAt() - clock.now()));
  }

  function fire(): void {
    timer = null;
    if (stopped || running || waitingSince === null) return;
    if (clock.now() < dueAt()) return arm();
    waitingSince = null;
    running = options
      .backUp()
      .then(
        () => {
          lastBackupAt = clock.now();
        },
        (error: unknown) => {
          // The changes are still not backed up: try again later.
          waitingSince ??= clock.now();
          notBefore = clock.now() + schedule.retryMs;
          options.onError(error);
        },
      )
      .finally(() => {
        running = null;
        arm();
      });
  }

  return {
    noteChange() {
      lastChangeAt = clock.now();
      waitingSince ??= lastChangeAt;
      arm();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
